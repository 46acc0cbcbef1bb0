import { Logger, type LoggerService } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore } from '@bpm/event-store';
import { measureLag, type Lag } from './lag';
import type { Projection } from './projection';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { Sleeper } from './sleep';

export interface ProjectionRunnerOptions {
  projection: Projection;
  store: EventStore;
  /** The read model's database; it also holds `projection_checkpoints`. */
  dataSource: DataSource;
  /** Schema of `projection_checkpoints`. */
  schema: string;
  batchSize?: number;
  pollIntervalMs?: number;
  errorBackoffMs?: number;
  logger?: Pick<LoggerService, 'log' | 'warn' | 'error'>;
}

/**
 * Folds the store's global log into a projection's tables. Each batch is one transaction holding
 * the read-model changes and the new checkpoint, so the two never disagree; the checkpoint row is
 * locked for the batch, so two runners of one projection take turns instead of double-applying.
 */
export class ProjectionRunner {
  private readonly checkpoints: ProjectionCheckpoints;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly errorBackoffMs: number;
  private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  private readonly sleeper = new Sleeper();
  private loop?: Promise<void>;
  private stopping = false;
  private migrated?: Promise<void>;
  /** The last failure of the running loop (a projection that keeps failing stops here, never skips). */
  lastError?: unknown;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.checkpoints = new ProjectionCheckpoints(options.schema);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.errorBackoffMs = options.errorBackoffMs ?? 1000;
    this.logger = options.logger ?? new Logger(`Projection:${options.projection.name}`);
  }

  get name(): string {
    return this.options.projection.name;
  }

  /** Creates `projection_checkpoints` if needed (once per instance; every entry point calls it). */
  migrate(): Promise<void> {
    this.migrated ??= this.checkpoints.migrate(this.options.dataSource.manager).catch((err: unknown) => {
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
  }

  /** Applies one batch after the checkpoint, atomically with the checkpoint; returns its size. */
  async processBatch(): Promise<number> {
    await this.migrate();
    const { projection, store, dataSource } = this.options;
    return dataSource.transaction(async (manager) => {
      const position = await this.checkpoints.lock(manager, projection.name);
      const events = await store.readAll({
        after: position ?? undefined,
        categories: projection.categories,
        limit: this.batchSize,
      });
      if (events.length === 0) return 0;
      for (const event of events) await projection.apply(event, manager);
      await this.checkpoints.write(manager, projection.name, events[events.length - 1].position);
      return events.length;
    });
  }

  /** Processes batches until the head seen at the time; returns the number of events applied. */
  async catchUp(): Promise<number> {
    await this.migrate();
    let total = 0;
    for (;;) {
      const n = await this.processBatch();
      total += n;
      if (n < this.batchSize) return total;
    }
  }

  /** Empties the projection's tables, resets its checkpoint to zero (same transaction), catches up. */
  async rebuild(): Promise<number> {
    const wasRunning = this.loop !== undefined;
    if (wasRunning) await this.stop();
    await this.migrate();
    const { projection, dataSource } = this.options;
    await dataSource.transaction(async (manager) => {
      await this.checkpoints.lock(manager, projection.name);
      await this.clearTables(manager);
      await this.checkpoints.write(manager, projection.name, null);
    });
    this.logger.log({ msg: 'projection reset; catching up from zero', projection: projection.name });
    const applied = await this.catchUp();
    if (wasRunning) await this.start();
    return applied;
  }

  async position(): Promise<string | null> {
    await this.migrate();
    return this.checkpoints.read(this.options.dataSource.manager, this.options.projection.name);
  }

  /** Events behind the store's head, and the checkpoint position. */
  async lag(cap?: number): Promise<Lag> {
    return measureLag(this.options.store, await this.position(), this.options.projection.categories, cap);
  }

  private async clearTables(manager: EntityManager): Promise<void> {
    const tables = this.options.projection.tables.map((target) => {
      const meta = manager.connection.getMetadata(target);
      const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
      return meta.schema ? `${quote(meta.schema)}.${quote(meta.tableName)}` : quote(meta.tableName);
    });
    // One statement, so foreign keys among the projection's own tables are no obstacle; a table
    // outside the projection that references them makes this fail rather than silently cascade.
    if (tables.length > 0) await manager.query(`TRUNCATE ${tables.join(', ')}`);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const n = await this.processBatch();
        this.lastError = undefined;
        if (n < this.batchSize && !this.stopping) await this.sleeper.sleep(this.pollIntervalMs);
      } catch (err) {
        this.lastError = err;
        this.logger.error({ msg: 'projection batch failed; retrying', projection: this.name, error: String(err) });
        if (!this.stopping) await this.sleeper.sleep(this.errorBackoffMs);
      }
    }
  }
}
