import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { EventStore } from '@bpm/event-store';
import { GOAL_DECLARATION_PARTITIONS } from '@bpm/goal-declaration-contract';
import { ensureTopics, EventRelay, topicFor } from '@bpm/messaging';
import { KAFKA, READ_MODEL_POOL } from '@bpm/service';
import { EVENT_STORE, OWNED_CATEGORIES, SOURCE } from './tokens';

/** Partitions of this context's topic (published, so consumers size for them): each stream in order on one. */
const PARTITIONS = GOAL_DECLARATION_PARTITIONS;
export const GOAL_DECLARATION_TOPIC = topicFor(SOURCE);

/** Publishes this service's events to `bpm.goal-declaration.events.v1`, which it owns and creates. */
@Injectable()
export class Relay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: EventRelay;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(KAFKA) private readonly kafka: Kafka, @Inject(READ_MODEL_POOL) pool: Pool) {
    this.relay = new EventRelay({
      name: SOURCE,
      store,
      kafka,
      pool,
      schema: 'goal_declaration',
      topicOf: () => GOAL_DECLARATION_TOPIC,
      categories: OWNED_CATEGORIES,
      pollIntervalMs: 100,
      logger: new Logger('Relay'),
    });
  }

  async onApplicationBootstrap() {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [{ topic: GOAL_DECLARATION_TOPIC, numPartitions: PARTITIONS }]);
    } finally {
      await admin.disconnect();
    }
    await this.relay.start();
  }

  async onApplicationShutdown() {
    await this.relay.stop();
  }
}
