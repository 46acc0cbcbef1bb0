import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { dlqTopicFor, ensureTopics, IdempotentConsumer, topicFor } from '@bpm/messaging';
import { KAFKA } from '@bpm/service';
import { applyGoalEvent } from '../projections/known-projects';
import { SCHEMA } from './tokens';

export const GOAL_EVENTS = topicFor('goal-declaration');
/** goal-declaration's partition count: all partitions at once, each in order. */
const PARTITIONS = 6;

/**
 * Learns projects and approved goals from goal-declaration's topic, once per event (inbox in the
 * same transaction as the read model), dead-lettering what it cannot apply.
 */
@Injectable()
export class GoalEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: IdempotentConsumer;

  constructor(@Inject(KAFKA) private readonly kafka: Kafka, dataSource: DataSource) {
    this.consumer = new IdempotentConsumer({
      name: 'monitoring.known-projects',
      kafka,
      topics: [GOAL_EVENTS],
      dataSource,
      schema: SCHEMA,
      handle: (event, { manager }) => applyGoalEvent(event, manager),
      partitionsConsumedConcurrently: PARTITIONS,
      logger: new Logger('GoalEventsConsumer'),
    });
  }

  async onApplicationBootstrap() {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // The topic belongs to goal-declaration (same partition count); its dead letters for us are ours.
      await ensureTopics(admin, [
        { topic: GOAL_EVENTS, numPartitions: PARTITIONS },
        { topic: dlqTopicFor(GOAL_EVENTS), numPartitions: 1 },
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
