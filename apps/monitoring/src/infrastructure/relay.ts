import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { EventStore } from '@bpm/event-store';
import { ContextRelay, topicFor } from '@bpm/messaging';
import { KAFKA, READ_MODEL_POOL } from '@bpm/service';
import { EVENT_STORE, OWNED_CATEGORIES, SOURCE } from './tokens';

/** Partitions of this context's topic: project streams spread over them, each stream in order. */
const PARTITIONS = 6;
export const MONITORING_TOPIC = topicFor(SOURCE);

/** Publishes this service's events to `bpm.monitoring.events.v1`, which it owns and creates. */
@Injectable()
export class Relay extends ContextRelay {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(KAFKA) kafka: Kafka, @Inject(READ_MODEL_POOL) pool: Pool) {
    super(kafka, { name: MONITORING_TOPIC, partitions: PARTITIONS }, { name: SOURCE, store, pool, schema: 'monitoring', categories: OWNED_CATEGORIES });
  }
}
