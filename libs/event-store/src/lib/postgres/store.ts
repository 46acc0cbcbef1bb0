import type { KeyObject } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';
import type { AuditExport } from '../checkpoint/export-format';
import { exportStream } from './export';
import type { NewEvent, RecordedEvent } from '@bpm/contracts';
import type {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  VerifyOptions,
  VerifyReport,
} from '../port';
import { startTail } from '../tail';
import { Upcasters } from '../upcasters';
import { appendWithRetry, poolTx } from './append';
import { migrate } from './migrations';
import { headPosition, readAllRows, readStreamRows } from './read';
import { channelOf, ident } from './sql';
import { verifyStreams } from './verify';

export interface PostgresEventStoreOptions {
  /** An existing pool (not closed by `close()`), or settings for one the store owns. */
  pool?: Pool;
  connectionString?: string;
  poolConfig?: PoolConfig;
  /** Schema holding the tables; default `event_store`. One per test suite keeps suites apart. */
  schema?: string;
  upcasters?: Upcasters;
  /** Wake tails with LISTEN/NOTIFY instead of waiting out the poll; default true. */
  listen?: boolean;
  /**
   * The owner's login, used only by `migrate()` on a short-lived connection of its own: the pool
   * appends as the application role, which may not create or alter anything. Omitted = the pool.
   */
  ownerConnectionString?: string;
  /** When given, `verify()` also checks every stream against the latest checkpoint this key signed. */
  checkpointPublicKey?: KeyObject;
}

export class PostgresEventStore implements EventStore {
  readonly pool: Pool;
  readonly schema: string;
  private readonly ownsPool: boolean;
  private readonly upcasters: Upcasters;
  private readonly listen: boolean;
  private readonly ownerConnectionString?: string;
  private readonly checkpointPublicKey?: KeyObject;

  constructor(options: PostgresEventStoreOptions = {}) {
    this.ownsPool = !options.pool;
    this.pool = options.pool ?? new Pool({ connectionString: options.connectionString, ...options.poolConfig });
    this.schema = options.schema ?? 'event_store';
    this.upcasters = options.upcasters ?? new Upcasters();
    this.listen = options.listen ?? true;
    this.ownerConnectionString = options.ownerConnectionString;
    this.checkpointPublicKey = options.checkpointPublicKey;
  }

  /** Applies pending migrations; returns the ids it ran. */
  async migrate(): Promise<number[]> {
    if (!this.ownerConnectionString) return migrate(this.pool, this.schema);
    const owner = new Pool({ connectionString: this.ownerConnectionString, max: 1 });
    try {
      return await migrate(owner, this.schema);
    } finally {
      await owner.end();
    }
  }

  appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return appendWithRetry(poolTx(this.pool), this.schema, stream, events, options);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await readStreamRows(this.pool, this.schema, stream, options)).map((e) => this.upcasters.upcast(e));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await readAllRows(this.pool, this.schema, options)).map((e) => this.upcasters.upcast(e));
  }

  headPosition(): Promise<string | null> {
    return headPosition(this.pool, this.schema);
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    return startTail(
      {
        read: (after, categories, limit) => this.readAll({ after, categories, limit }),
        listen: this.listen ? (wake) => this.listenForAppends(wake) : undefined,
      },
      options,
      handler,
    );
  }

  verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    const key = this.checkpointPublicKey;
    return verifyStreams(this.pool, this.schema, key && !options.checkpoints ? { ...options, checkpoints: { publicKey: key } } : options);
  }

  /** One stream's stored history with the latest checkpoint and the Merkle proof of its head. */
  exportStream(stream: string): Promise<AuditExport> {
    return exportStream(this.pool, this.schema, stream);
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  /** Holds one pooled connection for the subscription's life. */
  private async listenForAppends(wake: () => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    const channel = ident(channelOf(this.schema));
    const onError = () => wake(); // polling carries on without the hint
    client.on('notification', wake);
    client.on('error', onError);
    try {
      await client.query(`LISTEN ${channel}`);
    } catch (err) {
      client.off('notification', wake);
      client.off('error', onError);
      client.release(err as Error);
      throw err;
    }
    return async () => {
      client.off('notification', wake);
      let failed: Error | undefined;
      await client.query(`UNLISTEN ${channel}`).catch((e: Error) => (failed = e));
      client.off('error', onError);
      client.release(failed);
    };
  }
}
