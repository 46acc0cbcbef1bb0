import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { EventStore } from '@bpm/event-store';
import { ContextRelay, topicFor } from '@bpm/messaging';
import { KAFKA, READ_MODEL_POOL } from '@bpm/service';
import { EVENT_STORE, OWNED_CATEGORIES, READ_MODEL_SCHEMA, SOURCE } from './tokens';

/** Partitions of this context's topic: streams spread over them, each stream in order. */
const PARTITIONS = 6;
export const RESULT_APPLICATION_TOPIC = topicFor(SOURCE);

/** Publishes this service's events to `bpm.result-application.events.v1`, which it owns and creates. */
@Injectable()
export class Relay extends ContextRelay {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(KAFKA) kafka: Kafka, @Inject(READ_MODEL_POOL) pool: Pool) {
    super(kafka, { name: RESULT_APPLICATION_TOPIC, partitions: PARTITIONS }, { name: SOURCE, store, pool, schema: READ_MODEL_SCHEMA, categories: OWNED_CATEGORIES });
  }
}
