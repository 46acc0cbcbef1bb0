import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { dlqTopicFor, ensureTopics, IdempotentConsumer, topicFor } from '@bpm/messaging';
import { KAFKA } from '@bpm/service';
import { applyFact } from '../projections/project-facts';
import { SCHEMA } from './tokens';

export const GOAL_EVENTS = topicFor('goal-declaration');
export const MONITORING_EVENTS = topicFor('monitoring');
/** Both producers' partition count: all partitions at once, each in order. */
const PARTITIONS = 6;

/**
 * Learns what a self-evaluation is filled in from: projects and approved goals from
 * goal-declaration, execution figures and monthly actuals from monitoring. Once per event (the
 * inbox row commits with the read model); what cannot be applied goes to our dead letters.
 */
@Injectable()
export class FactsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: IdempotentConsumer;

  constructor(@Inject(KAFKA) private readonly kafka: Kafka, dataSource: DataSource) {
    this.consumer = new IdempotentConsumer({
      name: 'evaluation.project-facts',
      kafka,
      topics: [GOAL_EVENTS, MONITORING_EVENTS],
      dataSource,
      schema: SCHEMA,
      handle: (event, { manager }) => applyFact(event, manager),
      partitionsConsumedConcurrently: PARTITIONS,
      logger: new Logger('FactsConsumer'),
    });
  }

  async onApplicationBootstrap() {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // The source topics belong to their producers (same partition count); the dead letters for us are ours.
      await ensureTopics(admin, [
        { topic: GOAL_EVENTS, numPartitions: PARTITIONS },
        { topic: MONITORING_EVENTS, numPartitions: PARTITIONS },
        { topic: dlqTopicFor(GOAL_EVENTS), numPartitions: 1 },
        { topic: dlqTopicFor(MONITORING_EVENTS), numPartitions: 1 },
      ]);
    } finally {
      await admin.disconnect();
    }
    await this.consumer.start();
  }

  async onApplicationShutdown() {
    await this.consumer.stop();
  }
}
