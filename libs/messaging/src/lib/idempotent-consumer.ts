import { Logger, type LoggerService } from '@nestjs/common';
import {
  Partitioners,
  type Consumer,
  type IHeaders,
  type Kafka,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './backoff';
import { decodeEvent, MessageDecodeError } from './codec';
import { Inbox } from './inbox';
import { dlqTopicFor } from './topics';

export interface ConsumedEventContext {
  /** The open transaction: write read models / state through it; it commits with the inbox row. */
  manager: EntityManager;
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

export type ConsumedEventHandler = (event: RecordedEvent, context: ConsumedEventContext) => Promise<void>;

export interface IdempotentConsumerOptions {
  /** The inbox key and the `dlq_consumer` header; the consumer group id unless `groupId` is set. */
  name: string;
  groupId?: string;
  kafka: Kafka;
  topics: string[];
  /** TypeORM data source on the consumer's own database; holds `inbox`. */
  dataSource: DataSource;
  /** Schema of the `inbox` table. */
  schema: string;
  handle: ConsumedEventHandler;
  retry?: Partial<RetryPolicy>;
  /** Dead-letter topic of a source topic (default `<topic>.dlq`; it must exist). */
  dlqTopicOf?: (topic: string) => string;
  /** Where a new group starts (default: the beginning, so nothing published is missed). */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  /**
   * Failures that no retry can cure (e.g. an event that breaks its published contract): such a
   * message is dead-lettered after the first attempt instead of after the whole retry policy.
   */
  isPermanent?: (error: unknown) => boolean;
  /** Partitions handled at once (default 1); each partition stays in order. */
  partitionsConsumedConcurrently?: number;
  logger?: Pick<LoggerService, 'log' | 'warn' | 'error'>;
}

export type MessageOutcome = 'handled' | 'duplicate' | 'dead-lettered';

class Stopping extends Error {}

/**
 * A consumer group member that handles each event once: one PostgreSQL transaction inserts the
 * inbox row (consumer, event id) and runs the handler; the Kafka offset is committed only after
 * that transaction. Failures are retried with exponential backoff; a message that keeps failing
 * (or cannot be decoded) goes to the dead-letter topic, its offset is committed, and consumption
 * goes on.
 */
export class IdempotentConsumer {
  private readonly inbox: Inbox;
  private readonly retry: RetryPolicy;
  private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  private consumer?: Consumer;
  private producer?: Producer;
  private stopping = false;
  private readonly outcomeListeners = new Set<(outcome: MessageOutcome, event?: RecordedEvent) => void>();

  constructor(private readonly options: IdempotentConsumerOptions) {
    this.inbox = new Inbox(options.schema);
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.logger = options.logger ?? new Logger(`IdempotentConsumer:${options.name}`);
  }

  migrate(): Promise<void> {
    return this.inbox.migrate(this.options.dataSource.manager);
  }

  /** Connects, subscribes and resolves once the member has joined its group. */
  async start(): Promise<void> {
    if (this.consumer) return;
    const { kafka, topics, name } = this.options;
    await this.migrate();
    this.stopping = false;
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await this.producer.connect();
    const consumer = kafka.consumer({
      groupId: this.options.groupId ?? name,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning ?? true });
    const joined = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const outcome = await this.process(topic, partition, message, heartbeat);
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        this.emit(outcome.outcome, outcome.event);
      },
    });
    await joined;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = undefined;
    this.producer = undefined;
  }

  /** Observe each committed message (metrics, tests). Returns an unsubscribe function. */
  onOutcome(listener: (outcome: MessageOutcome, event?: RecordedEvent) => void): () => void {
    this.outcomeListeners.add(listener);
    return () => this.outcomeListeners.delete(listener);
  }

  private emit(outcome: MessageOutcome, event?: RecordedEvent) {
    for (const listener of this.outcomeListeners) listener(outcome, event);
  }

  private async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<{ outcome: MessageOutcome; event?: RecordedEvent }> {
    let event: RecordedEvent;
    try {
      event = decodeEvent(message);
    } catch (err) {
      // Undecodable is deterministic: retrying cannot help.
      await this.deadLetter(topic, partition, message, err, 1);
      return { outcome: 'dead-lettered' };
    }

    let lastError: unknown;
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      if (this.stopping) throw new Stopping('consumer stopping; the message will be redelivered');
      try {
        const isNew = await this.handleOnce(event, { topic, partition, offset: message.offset, attempt });
        return { outcome: isNew ? 'handled' : 'duplicate', event };
      } catch (err) {
        lastError = err;
        this.logger.warn({
          msg: 'handler failed',
          eventId: event.id,
          topic,
          partition,
          offset: message.offset,
          attempt,
          error: String(err),
        });
        if (this.options.isPermanent?.(err)) {
          await this.deadLetter(topic, partition, message, err, attempt);
          return { outcome: 'dead-lettered', event };
        }
        if (attempt < this.retry.attempts) await this.wait(backoffDelay(this.retry, attempt), heartbeat);
      }
    }
    await this.assertDatabaseReachable(lastError);
    await this.deadLetter(topic, partition, message, lastError, this.retry.attempts);
    return { outcome: 'dead-lettered', event };
  }

  private handleOnce(event: RecordedEvent, at: Omit<ConsumedEventContext, 'manager'>): Promise<boolean> {
    const { dataSource, name, handle } = this.options;
    return dataSource.transaction(async (manager) => {
      if (!(await this.inbox.claim(manager, name, event.id))) return false;
      await handle(event, { ...at, manager });
      return true;
    });
  }

  /**
   * A message is dead-lettered only for failures it causes. If the database itself is down, every
   * message would fail: throw instead, so the offset stays uncommitted and the message comes back.
   */
  private async assertDatabaseReachable(lastError: unknown): Promise<void> {
    try {
      await this.options.dataSource.query('SELECT 1');
    } catch {
      throw lastError;
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const dlqTopic = (this.options.dlqTopicOf ?? dlqTopicFor)(topic);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      dlq_error: reason.slice(0, 4000),
      dlq_error_kind: error instanceof MessageDecodeError ? 'decode' : this.options.isPermanent?.(error) ? 'permanent' : 'handler',
      dlq_consumer: this.options.name,
      dlq_original_topic: topic,
      dlq_original_partition: String(partition),
      dlq_original_offset: message.offset,
      dlq_attempts: String(attempts),
      dlq_failed_at: new Date().toISOString(),
    };
    if (!this.producer) throw new Error('consumer stopped before the message could be dead-lettered');
    await this.producer.send({
      topic: dlqTopic,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
    this.logger.error({ msg: 'message dead-lettered', topic, partition, offset: message.offset, dlqTopic, error: reason });
  }

  private async wait(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (this.stopping) throw new Stopping('consumer stopping; the message will be redelivered');
      await new Promise((r) => setTimeout(r, Math.min(1000, until - Date.now())));
      await heartbeat();
    }
  }
}
