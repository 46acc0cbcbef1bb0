import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@bpm/event-store';
import { ProjectionRunner } from '@bpm/messaging';
import { goalReadModel } from '../projections/goal-projections';
import { EVENT_STORE } from './tokens';

export const READ_MODEL_SCHEMA = 'goal_declaration';

/** Keeps the read models folded from the store while the service runs. */
@Injectable()
export class ReadModels implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly goals: ProjectionRunner;

  constructor(@Inject(EVENT_STORE) store: EventStore, dataSource: DataSource) {
    this.goals = new ProjectionRunner({
      projection: goalReadModel,
      store,
      dataSource,
      schema: READ_MODEL_SCHEMA,
      pollIntervalMs: 200,
      logger: new Logger('ReadModels'),
    });
  }

  async onApplicationBootstrap() {
    await this.goals.start();
  }

  async onApplicationShutdown() {
    await this.goals.stop();
  }
}
