import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import type { EventStore } from '@bpm/event-store';
import { GOAL_DECLARATION_PARTITIONS } from '@bpm/goal-declaration-contract';
import { ContextRelay, topicFor } from '@bpm/messaging';
import { KAFKA, READ_MODEL_POOL } from '@bpm/service';
import { EVENT_STORE, OWNED_CATEGORIES, SOURCE } from './tokens';

/** Partitions of this context's topic (published, so consumers size for them): each stream in order on one. */
const PARTITIONS = GOAL_DECLARATION_PARTITIONS;
export const GOAL_DECLARATION_TOPIC = topicFor(SOURCE);

/** Publishes this service's events to `bpm.goal-declaration.events.v1`, which it owns and creates. */
@Injectable()
export class Relay extends ContextRelay {
  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(KAFKA) kafka: Kafka, @Inject(READ_MODEL_POOL) pool: Pool) {
    super(kafka, { name: GOAL_DECLARATION_TOPIC, partitions: PARTITIONS }, { name: SOURCE, store, pool, schema: 'goal_declaration', categories: OWNED_CATEGORIES });
  }
}
