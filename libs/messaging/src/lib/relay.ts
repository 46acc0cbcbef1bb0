import { Logger, type LoggerService } from '@nestjs/common';
import { Partitioners, type Kafka, type Producer, type TopicMessages } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from '@bpm/contracts';
import type { EventStore } from '@bpm/event-store';
import { encodeEvent } from './codec';
import { measureLag, type Lag } from './lag';
import { RelayCheckpoints } from './relay-checkpoints';
import { Sleeper } from './sleep';

export interface RelayOptions {
  /** Checkpoint key; also the advisory lock that keeps one active relay per name. */
  name: string;
  store: EventStore;
  kafka: Kafka;
  /** Where `relay_checkpoints` lives. */
  pool: Pool;
  schema: string;
  /** Stream → topic, usually `topicRouter(routing)`. */
  topicOf: (stream: string) => string;
  /** Only relay these categories (default: all). */
  categories?: string[];
  batchSize?: number;
  pollIntervalMs?: number;
  /**
   * Send retries before a batch counts as failed (default 5, about 10 s). The producer is then
   * discarded and the batch republished from the checkpoint by a fresh one: bounded, so stop()
   * never hangs on an unreachable broker, and no duplicate-suppression state outlives a failure.
   */
  producerRetries?: number;
  /** Wait after a failed batch before retrying from the durable checkpoint. */
  errorBackoffMs?: number;
  logger?: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  /** Test seam: runs after the broker acknowledged a batch, before the checkpoint moves. */
  afterPublish?: (events: RecordedEvent[]) => void | Promise<void>;
}

/**
 * Tails the event store's global log and publishes every event to Kafka, at least once:
 * the checkpoint moves only after the broker acknowledged the batch (acks=all, idempotent
 * producer), so a relay killed at any point republishes from the checkpoint and never skips.
 */
export class EventRelay {
  private readonly checkpoints: RelayCheckpoints;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly errorBackoffMs: number;
  private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  private readonly sleeper = new Sleeper();
  private producer?: Producer;
  private lockClient?: PoolClient;
  /** In-memory copy of the durable checkpoint; undefined = reload from PostgreSQL. */
  private cursor?: { position: string | null };
  private loop?: Promise<void>;
  private stopping = false;
  private migrated?: Promise<void>;

  constructor(private readonly options: RelayOptions) {
    this.checkpoints = new RelayCheckpoints(options.pool, options.schema);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.errorBackoffMs = options.errorBackoffMs ?? 1000;
    this.logger = options.logger ?? new Logger(`EventRelay:${options.name}`);
  }

  /** Creates `relay_checkpoints` if needed (once per instance; every entry point calls it). */
  migrate(): Promise<void> {
    this.migrated ??= this.checkpoints.migrate().catch((err: unknown) => {
      this.migrated = undefined;
      throw err;
    });
    return this.migrated;
  }

  async start(): Promise<void> {
    if (this.loop) return;
    await this.migrate();
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.wake();
    await this.loop;
    this.loop = undefined;
    await this.producer?.disconnect();
    this.producer = undefined;
    await this.releaseLock();
  }

  /**
   * Publishes one batch from the checkpoint and moves the checkpoint; returns the number of
   * events published. For tools and tests; do not call while the relay is started.
   */
  async publishBatch(): Promise<number> {
    await this.migrate();
    try {
      return await this.publishNext();
    } catch (err) {
      this.cursor = undefined;
      throw err;
    }
  }

  /** True while this instance holds the relay's lock (the others are standbys). */
  get active(): boolean {
    return this.lockClient !== undefined;
  }

  /** Head of the store vs the durable checkpoint. */
  async lag(cap?: number): Promise<Lag> {
    await this.migrate();
    const position = await this.checkpoints.load(this.options.name);
    return measureLag(this.options.store, position, this.options.categories, cap);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.acquireLock())) {
          await this.sleeper.sleep(this.pollIntervalMs * 5);
          continue;
        }
        const published = await this.publishNext();
        if (published < this.batchSize && !this.stopping) await this.sleeper.sleep(this.pollIntervalMs);
      } catch (err) {
        this.cursor = undefined; // resume from what PostgreSQL says, not from memory
        this.logger.error({ msg: 'relay batch failed; retrying from checkpoint', error: String(err) });
        if (!this.stopping) await this.sleeper.sleep(this.errorBackoffMs);
      }
    }
  }

  private async publishNext(): Promise<number> {
    const { name, store, categories } = this.options;
    if (!this.cursor) this.cursor = { position: await this.checkpoints.load(name) };
    const events = await store.readAll({
      after: this.cursor.position ?? undefined,
      categories,
      limit: this.batchSize,
    });
    if (events.length === 0) return 0;

    const producer = await this.connectedProducer();
    try {
      await producer.sendBatch({ acks: -1, topicMessages: this.groupByTopic(events) });
    } catch (err) {
      this.producer = undefined;
      await producer.disconnect().catch(() => undefined);
      throw err;
    }
    await this.options.afterPublish?.(events);

    const last = events[events.length - 1].position;
    await this.checkpoints.save(name, last);
    this.cursor = { position: last };
    return events.length;
  }

  /** One entry per topic, each keeping the events' global order (so per-key order holds). */
  private groupByTopic(events: RecordedEvent[]): TopicMessages[] {
    const byTopic = new Map<string, TopicMessages>();
    for (const event of events) {
      const topic = this.options.topicOf(event.subject);
      let entry = byTopic.get(topic);
      if (!entry) byTopic.set(topic, (entry = { topic, messages: [] }));
      entry.messages.push(encodeEvent(event));
    }
    return [...byTopic.values()];
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.options.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        retry: { retries: this.options.producerRetries ?? 5 },
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  /** Session-level advisory lock: a second relay with the same name waits as a standby. */
  private async acquireLock(): Promise<boolean> {
    if (this.lockClient) return true;
    const client = await this.options.pool.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext($1)) AS ok`,
        [`bpm.relay:${this.options.schema}.${this.options.name}`],
      );
      if (rows[0]?.ok) {
        this.lockClient = client;
        this.cursor = undefined;
        return true;
      }
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    client.release();
    return false;
  }

  private async releaseLock(): Promise<void> {
    const client = this.lockClient;
    this.lockClient = undefined;
    if (!client) return;
    try {
      await client.query(`SELECT pg_advisory_unlock_all()`);
      client.release();
    } catch (err) {
      client.release(err as Error);
    }
  }
}
