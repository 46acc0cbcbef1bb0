import { infraUrls } from '@bpm/config';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type KafkaMessage } from 'kafkajs';
import { Pool } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import { PostgresEventStore } from '@bpm/event-store';
import { ensureTopics, type TopicSpec } from '../lib/topics';
import { decodeEvent } from '../lib/codec';

/** The roles as in production: events as the app role, read models and checkpoints as the read role. */
export const infra = {
  databaseUrl: infraUrls().databaseUrl,
  databaseOwnerUrl: infraUrls().databaseOwnerUrl,
  readModelDatabaseUrl: infraUrls().readModelDatabaseUrl,
  brokers: infraUrls().kafkaBrokers,
};

/** Lower-case, SQL- and Kafka-safe, unique per run. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomUUID().slice(0, 8)}`;
}

export const silentLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Everything one test file needs, each resource uniquely named and torn down by `close()`. */
export class Harness {
  readonly id = uniqueName('msg');
  readonly kafka = new Kafka({ clientId: this.id, brokers: infra.brokers, logLevel: logLevel.NOTHING });
  /** The read-model role's pool: the test's own schema, relay checkpoints, inboxes. */
  readonly pool = new Pool({ connectionString: infra.readModelDatabaseUrl, max: 8 });
  readonly storePool = new Pool({ connectionString: infra.databaseUrl, max: 8 });
  readonly storeSchema = `${this.id}_es`;
  readonly schema = `${this.id}_app`;
  readonly store = new PostgresEventStore({
    pool: this.storePool,
    schema: this.storeSchema,
    ownerConnectionString: infra.databaseOwnerUrl,
  });
  admin!: Admin;
  private readonly topics: string[] = [];
  private readonly groups: string[] = [];
  private readonly dataSources: DataSource[] = [];

  async init(): Promise<this> {
    this.admin = this.kafka.admin();
    await this.admin.connect();
    await this.store.migrate();
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
    return this;
  }

  /** A topic name unique to this run (and its `.dlq`), created with the given partitions. */
  async topic(context: string, numPartitions = 3): Promise<string> {
    const topic = `bpm.${this.id.replace(/_/g, '-')}-${context}.events.v1`;
    await this.createTopics([
      { topic, numPartitions },
      { topic: `${topic}.dlq`, numPartitions: 1 },
    ]);
    return topic;
  }

  async createTopics(specs: TopicSpec[]): Promise<void> {
    await ensureTopics(this.admin, specs);
    this.topics.push(...specs.map((s) => s.topic));
  }

  group(name: string): string {
    const group = `${this.id}-${name}`;
    this.groups.push(group);
    return group;
  }

  async dataSource(entities: DataSourceOptions['entities'] = []): Promise<DataSource> {
    const ds = new DataSource({
      type: 'postgres',
      url: infra.readModelDatabaseUrl,
      schema: this.schema,
      entities,
      synchronize: true,
      poolSize: 6,
    });
    await ds.initialize();
    this.dataSources.push(ds);
    return ds;
  }

  private lastPosition: string | null = null;

  async append(stream: string, types: string[], data: (i: number) => unknown = (i) => ({ i })) {
    const result = await this.store.appendToStream(
      stream,
      types.map((type, i) => ({ type, data: data(i) })),
      {
        expectedVersion: 'any',
        source: 'messaging-test',
        metadata: { actor: { id: 'tester', role: 'system' }, correlationId: randomUUID() },
      },
    );
    this.lastPosition = result.events[result.events.length - 1]?.position ?? this.lastPosition;
    return result;
  }

  /** Position of the newest appended event. */
  get lastAppended(): string | null {
    return this.lastPosition;
  }

  private settledAt: string | null = null;

  /**
   * Waits until readers see everything appended so far: the store hides events above the oldest
   * transaction still running anywhere in the cluster (other suites share the server).
   */
  async settled(timeoutMs = 30_000): Promise<void> {
    const want = this.lastPosition;
    if (want === null || want === this.settledAt) return;
    const visible = async () =>
      (await this.store.readAll({ after: this.settledAt ?? undefined })).some((e) => e.position === want);
    try {
      await eventually(visible, timeoutMs, `event ${want} to become visible`);
      this.settledAt = want;
    } catch (err) {
      const { rows } = await this.pool.query(
        `SELECT pid, datname, state, backend_xid, now() - xact_start AS age, left(query, 80) AS query
         FROM pg_stat_activity WHERE backend_xid IS NOT NULL ORDER BY xact_start`,
      );
      throw new Error(`${(err as Error).message}; open transactions: ${JSON.stringify(rows)}`);
    }
  }

  /** Reads `count` messages from the topics with a throwaway group (fails after `timeoutMs`). */
  async collect(topics: string[], count: number, timeoutMs = 20_000): Promise<ReceivedMessage[]> {
    const consumer = this.kafka.consumer({ groupId: this.group(uniqueName('collect')) });
    const received: ReceivedMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`got ${received.length} of ${count} messages from ${topics.join(',')}`)),
          timeoutMs,
        );
        void consumer.run({
          eachMessage: async ({ topic, partition, message }) => {
            received.push(toReceived(topic, partition, message));
            if (received.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return received;
  }

  async close(): Promise<void> {
    for (const ds of this.dataSources) await ds.destroy().catch(() => undefined);
    if (this.topics.length) await this.admin.deleteTopics({ topics: this.topics }).catch(() => undefined);
    if (this.groups.length) await this.admin.deleteGroups(this.groups).catch(() => undefined);
    await this.admin.disconnect();
    const owner = new Pool({ connectionString: infra.databaseOwnerUrl, max: 1 });
    await owner.query(`DROP SCHEMA IF EXISTS "${this.storeSchema}" CASCADE`).finally(() => owner.end());
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.store.close();
    await this.storePool.end();
    await this.pool.end();
  }
}

export function toReceived(topic: string, partition: number, message: KafkaMessage): ReceivedMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) {
    if (v !== undefined) headers[k] = (Array.isArray(v) ? v[0] : v).toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers,
  };
}

/** The envelope a received message carries (CloudEvents binary mode: data in the value, the rest in headers). */
export function eventOf(m: ReceivedMessage): RecordedEvent {
  return decodeEvent({ key: m.key ? Buffer.from(m.key) : null, value: Buffer.from(m.value), headers: m.headers });
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = 'condition') {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
