import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource, type EntityManager } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import { dlqTopicFor, ensureTopics, IdempotentConsumer, topicFor } from '@bpm/messaging';
import { KAFKA } from '@bpm/service';

const MONITORING_EVENTS = topicFor('monitoring');
/** monitoring's partition count. */
const PARTITIONS = 6;

/** What goal-declaration reads of monitoring's events (a tolerant reader). */
interface AllocationRestricted {
  projectId: string;
  mode: 'suspend' | 'stop';
  reason: string;
  at: string;
}

/**
 * 暂缓或停止拨款, as monitoring announces it: kept in `allocation_restriction` (one row per case in
 * force), so money for the project is refused here, where the application is decided, without
 * asking monitoring on every request. Lifting removes the row.
 */
export async function applyMonitoringEvent(event: RecordedEvent, manager: EntityManager): Promise<void> {
  const caseId = event.subject.slice('correctiveCase-'.length);
  if (event.type === 'AllocationRestricted') {
    const d = event.data as AllocationRestricted;
    await manager.query(
      `insert into goal_declaration.allocation_restriction ("caseId", "projectId", mode, reason, since) values ($1, $2, $3, $4, $5)
       on conflict ("caseId") do update set mode = excluded.mode, reason = excluded.reason, since = excluded.since`,
      [caseId, d.projectId, d.mode, d.reason, d.at],
    );
  }
  if (event.type === 'AllocationRestrictionLifted') {
    await manager.query(`delete from goal_declaration.allocation_restriction where "caseId" = $1`, [caseId]);
  }
}

@Injectable()
export class MonitoringEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: IdempotentConsumer;

  constructor(@Inject(KAFKA) private readonly kafka: Kafka, dataSource: DataSource) {
    this.consumer = new IdempotentConsumer({
      name: 'goal-declaration.allocation-restrictions',
      kafka,
      topics: [MONITORING_EVENTS],
      dataSource,
      schema: 'goal_declaration',
      handle: (event, { manager }) => applyMonitoringEvent(event, manager),
      partitionsConsumedConcurrently: PARTITIONS,
      logger: new Logger('MonitoringEventsConsumer'),
    });
  }

  async onApplicationBootstrap() {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      // The topic belongs to monitoring (same partition count); its dead letters for us are ours.
      await ensureTopics(admin, [
        { topic: MONITORING_EVENTS, numPartitions: PARTITIONS },
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
