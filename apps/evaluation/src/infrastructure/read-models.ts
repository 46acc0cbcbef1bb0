import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@bpm/event-store';
import { ProjectionRunner } from '@bpm/messaging';
import { evaluationReadModel } from '../projections/evaluation-projections';
import { EVENT_STORE, SCHEMA } from './tokens';

/** Keeps the read models folded from the store while the service runs. */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly evaluations: ProjectionRunner;

  constructor(@Inject(EVENT_STORE) store: EventStore, dataSource: DataSource) {
    this.evaluations = new ProjectionRunner({ projection: evaluationReadModel, store, dataSource, schema: SCHEMA, pollIntervalMs: 200, logger: new Logger('ReadModels') });
  }

  async onApplicationBootstrap() {
    await this.evaluations.start();
  }

  async onApplicationShutdown() {
    await this.evaluations.stop();
  }
}
