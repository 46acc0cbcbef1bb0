import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@bpm/event-store';
import { ProjectionRunner } from '@bpm/messaging';
import { resultReadModel } from '../projections/result-projections';
import { EVENT_STORE, READ_MODEL_SCHEMA } from './tokens';

/** Keeps the read model folded from the store while the service runs. */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly records: ProjectionRunner;

  constructor(@Inject(EVENT_STORE) store: EventStore, dataSource: DataSource) {
    this.records = new ProjectionRunner({ projection: resultReadModel, store, dataSource, schema: READ_MODEL_SCHEMA, pollIntervalMs: 200, logger: new Logger('ReadModels') });
  }

  async onApplicationBootstrap() {
    await this.records.start();
  }

  async onApplicationShutdown() {
    await this.records.stop();
  }
}
