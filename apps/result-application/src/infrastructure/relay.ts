import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { EventStore } from '@bpm/event-store';
import { ensureTopics, EventRelay, topicFor } from '@bpm/messaging';
import { KAFKA, READ_MODEL_POOL } from '@bpm/service';
import { EVENT_STORE, OWNED_CATEGORIES, READ_MODEL_SCHEMA, SOURCE } from './tokens';

/** Partitions of this context's topic: streams spread over them, each stream in order. */
const PARTITIONS = 6;
export const RESULT_APPLICATION_TOPIC = topicFor(SOURCE);

/** Publishes this service's events to `bpm.result-application.events.v1`, which it owns and creates. */
@Injectable()
export class Relay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: EventRelay;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(KAFKA) private readonly kafka: Kafka, @Inject(READ_MODEL_POOL) pool: Pool) {
    this.relay = new EventRelay({
      name: SOURCE,
      store,
      kafka,
      pool,
      schema: READ_MODEL_SCHEMA,
      topicOf: () => RESULT_APPLICATION_TOPIC,
      categories: OWNED_CATEGORIES,
      pollIntervalMs: 100,
      logger: new Logger('Relay'),
    });
  }

  async onApplicationBootstrap() {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [{ topic: RESULT_APPLICATION_TOPIC, numPartitions: PARTITIONS }]);
    } finally {
      await admin.disconnect();
    }
    await this.relay.start();
  }

  async onApplicationShutdown() {
    await this.relay.stop();
  }
}
