import { createPublicKey, type KeyObject } from 'node:crypto';
import type { ClientBase, Pool } from 'pg';
import { merkleRoot, sortLeaves, type Leaf } from '../checkpoint/merkle';
import { keyIdOf, signCheckpoint, verifyCheckpoint, type SignedCheckpoint } from '../checkpoint/statement';
import { comparePositions, formatPosition, parsePosition } from '../positions';
import { leavesAt, leavesMatch, storedCheckpoints } from './checkpoint-store';
import { ident, VISIBLE } from './sql';

/** Somewhere outside the database a checkpoint is also written to (a Kafka topic, a JSONL file). */
export interface CheckpointSink {
  name: string;
  publish(checkpoint: SignedCheckpoint): Promise<void>;
}

export interface CheckpointerOptions {
  pool: Pool;
  schema: string;
  /** Ed25519; never stored in the database. */
  privateKey: KeyObject;
  /** Between checkpoints; default 60 s. Nothing new since the last one: no checkpoint. */
  intervalMs?: number;
  sinks?: CheckpointSink[];
  logger?: { log(m: string): void; warn(m: string): void; error(m: string): void };
}

const PAGE = 10_000;

/**
 * Signs, at an interval or on demand, the Merkle root over every stream's head at a global position.
 * Heads are kept in memory and advanced from the events appended since the last checkpoint; each new
 * event must chain to the head already signed, so a checkpoint never vouches for a rewritten past.
 * One checkpointer per store signs at a time (advisory lock); others wait their turn and catch up.
 */
export class Checkpointer {
  private heads = new Map<string, Leaf>();
  private lastId = 0;
  private position: string | null = null;
  private readonly publicKey: KeyObject;
  private readonly keyId: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = true;
  /** Checkpoints a sink refused, retried before the next one is published there. */
  private readonly unpublished = new Map<string, SignedCheckpoint[]>();

  constructor(private readonly options: CheckpointerOptions) {
    this.publicKey = createPublicKey(options.privateKey);
    this.keyId = keyIdOf(this.publicKey);
  }

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Takes a checkpoint now if anything was appended since the last one; returns it (or null). */
  async take(): Promise<SignedCheckpoint | null> {
    const run = (this.running ?? Promise.resolve()).catch(() => undefined).then(() => this.takeOnce());
    this.running = run;
    return run;
  }

  /**
   * Takes checkpoints until one covers `position`. A checkpoint covers only events below the oldest
   * transaction running anywhere in the cluster (the store's visibility rule), so right after an
   * append, with other work on the server, one attempt may see less than was appended.
   */
  async takeCovering(position: string, timeoutMs = 30_000): Promise<SignedCheckpoint> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const signed = (await this.take()) ?? (await this.latestSigned());
      if (signed && comparePositions(signed.statement.position, position) >= 0) return signed;
      if (Date.now() > until) throw new Error(`no checkpoint covered ${position} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async latestSigned(): Promise<SignedCheckpoint | null> {
    const [latest] = await storedCheckpoints(this.options.pool, this.options.schema, 1);
    return latest && verifyCheckpoint(latest, this.publicKey) ? { statement: latest.statement, signature: latest.signature } : null;
  }

  private schedule() {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.take()
        .catch((err: Error) => this.options.logger?.error(`checkpoint failed: ${err.message}`))
        .finally(() => this.schedule());
    }, this.options.intervalMs ?? 60_000);
    this.timer.unref?.();
  }

  private async takeOnce(): Promise<SignedCheckpoint | null> {
    const { pool, schema } = this.options;
    const client = await pool.connect();
    let signed: SignedCheckpoint | null = null;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bpm-checkpoint:${schema}`]);
      const latest = (await storedCheckpoints(client, schema, 1))[0];
      if ((latest?.id ?? 0) !== this.lastId) await this.reload(client, latest);

      const heads = new Map(this.heads);
      const changed = new Map<string, Leaf>();
      const position = await this.advance(client, heads, changed);
      if (changed.size === 0 || position === null) {
        await client.query('COMMIT');
      } else {
        const sorted = sortLeaves(heads.values());
        signed = signCheckpoint(
          {
            format: 'bpm-checkpoint/1',
            store: schema,
            id: this.lastId + 1,
            position,
            streams: sorted.length,
            root: merkleRoot(sorted),
            createdAt: new Date().toISOString(),
            keyId: this.keyId,
          },
          this.options.privateKey,
        );
        await this.insert(client, signed, [...changed.values()]);
        await client.query('COMMIT');
        this.heads = heads;
        this.lastId = signed.statement.id;
        this.position = position;
      }
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
    await this.publish(signed);
    return signed;
  }

  /** Another instance signed since: start from its checkpoint, after checking it against our key. */
  private async reload(client: ClientBase, latest: (SignedCheckpoint & { id: number }) | undefined) {
    if (!latest) {
      this.heads = new Map();
      this.lastId = 0;
      this.position = null;
      return;
    }
    const leaves = await leavesAt(client, this.options.schema, latest.id);
    if (!verifyCheckpoint(latest, this.publicKey) || latest.statement.id !== latest.id || !leavesMatch(leaves, latest)) {
      throw new Error(`checkpoint ${latest.id} in the database does not match its signature: refusing to sign over it`);
    }
    this.heads = new Map(leaves.map((l) => [l.stream, l]));
    this.lastId = latest.id;
    this.position = latest.statement.position;
  }

  /** Folds the events appended after the last checkpoint into `heads`; returns the new position. */
  private async advance(client: ClientBase, heads: Map<string, Leaf>, changed: Map<string, Leaf>): Promise<string | null> {
    let after = this.position;
    for (;;) {
      const params: unknown[] = [];
      const where = [VISIBLE];
      if (after) {
        const [tx, seq] = parsePosition(after);
        where.push(`(tx_id, seq) > ($${params.push(tx.toString())}::bigint, $${params.push(seq.toString())}::bigint)`);
      }
      const { rows } = await client.query<{ stream_id: string; version: number; prev_hash: string | null; hash: string; tx_id: string; seq: string }>(
        `SELECT stream_id, version, prev_hash, hash, tx_id::text, seq::text FROM ${ident(this.options.schema)}.events
         WHERE ${where.join(' AND ')} ORDER BY tx_id, seq LIMIT ${PAGE}`,
        params,
      );
      for (const r of rows) {
        const head = heads.get(r.stream_id);
        if (r.version !== (head?.version ?? 0) + 1 || r.prev_hash !== (head?.hash ?? null)) {
          throw new Error(`stream ${r.stream_id}: event ${r.version} does not chain to the signed head; checkpoint refused`);
        }
        const leaf = { stream: r.stream_id, version: r.version, hash: r.hash };
        heads.set(r.stream_id, leaf);
        changed.set(r.stream_id, leaf);
        after = formatPosition(r.tx_id, r.seq);
      }
      if (rows.length < PAGE) return after;
    }
  }

  private async insert(client: ClientBase, signed: SignedCheckpoint, changed: Leaf[]) {
    const s = ident(this.options.schema);
    const { id, position } = signed.statement;
    await client.query(`INSERT INTO ${s}.checkpoints (id, position, statement, signature) VALUES ($1, $2, $3, $4)`, [
      id,
      position,
      JSON.stringify(signed.statement),
      signed.signature,
    ]);
    await client.query(
      `INSERT INTO ${s}.checkpoint_leaves (checkpoint_id, stream_id, version, hash)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[])`,
      [id, changed.map((l) => l.stream), changed.map((l) => l.version), changed.map((l) => l.hash)],
    );
  }

  /** Best effort per sink, in order: a refused checkpoint is retried before the next one goes out. */
  private async publish(signed: SignedCheckpoint | null) {
    for (const sink of this.options.sinks ?? []) {
      const queue = this.unpublished.get(sink.name) ?? [];
      if (signed) queue.push(signed);
      while (queue.length) {
        try {
          await sink.publish(queue[0]);
          queue.shift();
        } catch (err) {
          this.options.logger?.warn(`checkpoint ${queue[0].statement.id} not yet published to ${sink.name}: ${(err as Error).message}`);
          break;
        }
      }
      this.unpublished.set(sink.name, queue);
    }
  }
}
