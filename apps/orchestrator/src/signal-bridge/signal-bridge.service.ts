import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '@bpm/config';
import { ContractViolation, GOAL_DECLARATION_CONTEXT, GOAL_DECLARATION_PARTITIONS } from '@bpm/goal-declaration-contract';
import { dlqTopicFor, ensureTopics, IdempotentConsumer, topicFor } from '@bpm/messaging';
import { KAFKA, SERVICE_CONFIG, TEMPORAL_CONNECTION, type LazyTemporalConnection } from '@bpm/service';
import { routeGoalEvent } from './goal-events-to-workflows';

const GOAL_EVENTS = topicFor(GOAL_DECLARATION_CONTEXT);
/** goal-declaration's partition count: one review stream per partition at a time, all partitions at once. */
const PARTITIONS = GOAL_DECLARATION_PARTITIONS;

/** Kafka → workflow starts and signals, through an idempotent consumer with a dead-letter topic. */
@Injectable()
export class SignalBridge implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: IdempotentConsumer;
  private dataSource?: DataSource;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: LazyTemporalConnection,
  ) {}

  async onApplicationBootstrap() {
    const client = new Client({ connection: await this.temporal.get(), namespace: this.config.TEMPORAL_NAMESPACE });
    this.dataSource = await new DataSource({ type: 'postgres', url: this.config.READ_MODEL_DATABASE_URL, poolSize: PARTITIONS }).initialize();
    await this.dataSource.query('create schema if not exists orchestrator');
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // The topic belongs to goal-declaration (same partition count); its dead letters are ours.
      await ensureTopics(admin, [
        { topic: GOAL_EVENTS, numPartitions: PARTITIONS },
        { topic: dlqTopicFor(GOAL_EVENTS), numPartitions: 1 },
      ]);
    } finally {
      await admin.disconnect();
    }
    this.consumer = new IdempotentConsumer({
      name: 'orchestrator.goal-review',
      kafka: this.kafka,
      topics: [GOAL_EVENTS],
      dataSource: this.dataSource,
      schema: 'orchestrator',
      handle: (event) => routeGoalEvent(event, client),
      // An event that breaks goal-declaration's published contract will not heal on retry.
      isPermanent: (error) => error instanceof ContractViolation,
      partitionsConsumedConcurrently: PARTITIONS,
      logger: new Logger('SignalBridge'),
    });
    await this.consumer.migrate();
    await this.consumer.start();
  }

  async onApplicationShutdown() {
    await this.consumer?.stop();
    await this.dataSource?.destroy();
  }
}
