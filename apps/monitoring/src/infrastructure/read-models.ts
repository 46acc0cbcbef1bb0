import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@bpm/event-store';
import { ProjectionRunner } from '@bpm/messaging';
import { executionReadModel } from '../projections/execution-projections';
import { monitoringReadModel } from '../projections/monitoring-projections';
import { EVENT_STORE, SCHEMA } from './tokens';

/** Keeps the read models folded from the store while the service runs. */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly execution: ProjectionRunner;
  readonly reports: ProjectionRunner;

  constructor(@Inject(EVENT_STORE) store: EventStore, dataSource: DataSource) {
    this.execution = new ProjectionRunner({
      projection: executionReadModel,
      store,
      dataSource,
      schema: SCHEMA,
      pollIntervalMs: 200,
      logger: new Logger('ReadModels'),
    });
    this.reports = new ProjectionRunner({ projection: monitoringReadModel, store, dataSource, schema: SCHEMA, pollIntervalMs: 200, logger: new Logger('ReadModels') });
  }

  async onApplicationBootstrap() {
    await this.execution.start();
    await this.reports.start();
  }

  async onApplicationShutdown() {
    await this.execution.stop();
    await this.reports.stop();
  }
}
