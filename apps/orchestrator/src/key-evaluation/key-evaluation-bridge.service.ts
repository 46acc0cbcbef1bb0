import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '@bpm/config';
import { dlqTopicFor, ensureTopics, IdempotentConsumer, topicFor } from '@bpm/messaging';
import { KAFKA, SERVICE_CONFIG, TEMPORAL_CONNECTION, type LazyTemporalConnection } from '@bpm/service';
import { routeEvaluationEvent } from './evaluation-events-to-workflows';

const EVALUATION_EVENTS = topicFor('evaluation');
/** evaluation's partition count: one evaluation's events in order, all partitions at once. */
const PARTITIONS = 6;

/** Evaluation events on Kafka → the key-evaluation schedule workflows, once each (inbox), dead letters kept. */
@Injectable()
export class KeyEvaluationBridge implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: IdempotentConsumer;
  private dataSource?: DataSource;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: LazyTemporalConnection,
  ) {}

  async onApplicationBootstrap() {
    const client = new Client({ connection: await this.temporal.get(), namespace: this.config.TEMPORAL_NAMESPACE });
    this.dataSource = await new DataSource({ type: 'postgres', url: this.config.READ_MODEL_DATABASE_URL, poolSize: 2 }).initialize();
    // The goal-review bridge creates the same schema at the same moment: "if not exists" still races in
    // PostgreSQL (a unique violation on pg_namespace), which means it exists.
    await this.dataSource.query('create schema if not exists orchestrator').catch((error: { code?: string }) => {
      if (error?.code !== '23505') throw error;
    });
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // The topic belongs to evaluation (same partition count); its dead letters for us are ours.
      await ensureTopics(admin, [
        { topic: EVALUATION_EVENTS, numPartitions: PARTITIONS },
        { topic: dlqTopicFor(EVALUATION_EVENTS), numPartitions: 1 },
      ]);
    } finally {
      await admin.disconnect();
    }
    this.consumer = new IdempotentConsumer({
      name: 'orchestrator.key-evaluation',
      kafka: this.kafka,
      topics: [EVALUATION_EVENTS],
      dataSource: this.dataSource,
      schema: 'orchestrator',
      handle: (event) => routeEvaluationEvent(event, client),
      partitionsConsumedConcurrently: 2,
      logger: new Logger('KeyEvaluationBridge'),
    });
    await this.consumer.migrate();
    await this.consumer.start();
  }

  async onApplicationShutdown() {
    await this.consumer?.stop();
    await this.dataSource?.destroy();
  }
}
