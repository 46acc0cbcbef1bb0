import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { EventStore } from '@bpm/event-store';
import { ContextRelay, topicFor } from '@bpm/messaging';
import { KAFKA, READ_MODEL_POOL } from '@bpm/service';
import { EVENT_STORE, OWNED_CATEGORIES, SCHEMA, SOURCE } from './tokens';

const PARTITIONS = 6;
/** `bpm.evaluation.events.v1`: result-application and the orchestrator read it. */
export const EVALUATION_TOPIC = topicFor(SOURCE);

/** Publishes this service's events to its topic, which it owns and creates. */
@Injectable()
export class Relay extends ContextRelay {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(KAFKA) kafka: Kafka, @Inject(READ_MODEL_POOL) pool: Pool) {
    super(kafka, { name: EVALUATION_TOPIC, partitions: PARTITIONS }, { name: SOURCE, store, pool, schema: SCHEMA, categories: OWNED_CATEGORIES });
  }
}
