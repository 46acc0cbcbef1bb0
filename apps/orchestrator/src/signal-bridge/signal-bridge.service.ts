import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Kafka } from 'kafkajs';
import type { RecordedEvent } from '@bpm/contracts';
import { DataSource } from 'typeorm';
import type { ServiceConfig } from '@bpm/config';
import { ContractViolation, GOAL_DECLARATION_CONTEXT, GOAL_DECLARATION_PARTITIONS } from '@bpm/goal-declaration-contract';
import { dlqTopicFor, ensureTopics, IdempotentConsumer, topicFor } from '@bpm/messaging';
import { KAFKA, SERVICE_CONFIG, TEMPORAL_CONNECTION, type LazyTemporalConnection } from '@bpm/service';
import { routeGoalEvent } from './goal-events-to-workflows';
import { routeMonitoringEvent } from './monitoring-events-to-workflows';

const GOAL_EVENTS = topicFor(GOAL_DECLARATION_CONTEXT);
const MONITORING_EVENTS = topicFor('monitoring');
/** goal-declaration's published partition count, and monitoring's (its relay's, also 6): one stream per partition at a time, all at once. */
const PARTITIONS = GOAL_DECLARATION_PARTITIONS;

/** Kafka → workflow starts and signals, through an idempotent consumer with a dead-letter topic. */
@Injectable()
export class SignalBridge implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumers: IdempotentConsumer[] = [];
  private dataSource?: DataSource;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: LazyTemporalConnection,
  ) {}

  async onApplicationBootstrap() {
    const client = new Client({ connection: await this.temporal.get(), namespace: this.config.TEMPORAL_NAMESPACE });
    // Two consumers share the pool, each with a partition at a time.
    const dataSource = await new DataSource({ type: 'postgres', url: this.config.READ_MODEL_DATABASE_URL, poolSize: 2 * PARTITIONS }).initialize();
    this.dataSource = dataSource;
    await dataSource.query('create schema if not exists orchestrator');
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // The topics belong to goal-declaration and monitoring (same partition counts); their dead letters are ours.
      await ensureTopics(admin, [
        { topic: GOAL_EVENTS, numPartitions: PARTITIONS },
        { topic: dlqTopicFor(GOAL_EVENTS), numPartitions: 1 },
        { topic: MONITORING_EVENTS, numPartitions: PARTITIONS },
        { topic: dlqTopicFor(MONITORING_EVENTS), numPartitions: 1 },
      ]);
    } finally {
      await admin.disconnect();
    }
    const consumer = (name: string, topic: string, handle: (event: RecordedEvent) => Promise<void>, isPermanent?: (error: unknown) => boolean) =>
      new IdempotentConsumer({
        name,
        kafka: this.kafka,
        topics: [topic],
        dataSource,
        schema: 'orchestrator',
        handle,
        ...(isPermanent ? { isPermanent } : {}),
        partitionsConsumedConcurrently: PARTITIONS,
        logger: new Logger('SignalBridge'),
      });
    // One consumer group per source: a poison goal event never holds up corrective cases.
    this.consumers = [
      // An event that breaks goal-declaration's published contract will not heal on retry.
      consumer('orchestrator.goal-review', GOAL_EVENTS, (event) => routeGoalEvent(event, client), (error) => error instanceof ContractViolation),
      consumer('orchestrator.monitoring', MONITORING_EVENTS, (event) => routeMonitoringEvent(event, client)),
    ];
    for (const c of this.consumers) {
      await c.migrate();
      await c.start();
    }
  }

  async onApplicationShutdown() {
    for (const c of this.consumers) await c.stop();
    await this.dataSource?.destroy();
  }
}
