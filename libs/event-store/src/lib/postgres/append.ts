import type { ClientBase, Pool } from 'pg';
import type { NewEvent } from '@bpm/contracts';
import { chainEvents } from '../chain';
import { checkExpectedVersion } from '../expected-version';
import { ConcurrencyError, DuplicateEventError, type AppendOptions, type AppendResult } from '../port';
import { formatPosition } from '../positions';
import { channelOf, ident } from './sql';

/** A connection inside an open transaction (BEGIN already issued). */
export interface AppendTx {
  client: ClientBase;
  release(err?: Error): void;
}

/** Opens the transaction for each attempt; tests pass their own to force interleavings. */
export type OpenTx = (attempt: number) => Promise<AppendTx>;

/**
 * This transaction's id is lower than that of a transaction that already appended to the stream.
 * Its rows would sort before the stream's earlier events in the global (tx_id, seq) order, so the
 * append must be retried in a fresh transaction, whose id is higher than every id already handed out.
 */
export class XidOrderConflict extends Error {
  constructor(readonly stream: string, readonly xid: string, readonly lastTx: string) {
    super(`stream ${stream}: transaction ${xid} is older than its last writer ${lastTx}`);
    this.name = 'XidOrderConflict';
  }
}

export const MAX_APPEND_ATTEMPTS = 5;

export function poolTx(pool: Pool): OpenTx {
  return async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
    } catch (err) {
      client.release(err as Error);
      throw err;
    }
    return { client, release: (err) => client.release(err) };
  };
}

/** One append, retried only when the transaction id order would break the global order. */
export async function appendWithRetry(
  open: OpenTx,
  schema: string,
  stream: string,
  events: NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  for (let attempt = 0; ; attempt++) {
    const tx = await open(attempt);
    let broken: Error | undefined;
    try {
      const result = await appendInTransaction(tx.client, schema, stream, events, options);
      await tx.client.query('COMMIT');
      return result;
    } catch (err) {
      await tx.client.query('ROLLBACK').catch((e: Error) => (broken = e));
      if (err instanceof XidOrderConflict && attempt + 1 < MAX_APPEND_ATTEMPTS) continue;
      throw broken ? err : await translate(err, tx.client, schema, stream, options);
    } finally {
      tx.release(broken);
    }
  }
}

/**
 * The append proper, on a connection already in a transaction. Takes the stream's lock so appends to
 * one stream are serial, checks the expected version and the transaction order, then writes; the
 * database's trigger checks the chain and moves the head.
 */
export async function appendInTransaction(
  client: ClientBase,
  schema: string,
  stream: string,
  events: NewEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  const s = ident(schema);
  if (events.length === 0) {
    // Nothing to write: answer the check without creating a head row for a missing stream.
    const current = await currentVersion(client, schema, stream);
    checkExpectedVersion(stream, options.expectedVersion, current);
    return { nextExpectedVersion: current, events: [] };
  }

  // An advisory lock first, because it takes no transaction id: a writer that had to wait gets its id
  // only after the previous writer committed, so ids follow the stream's order and retries stay rare.
  // (A row lock would assign the id before waiting.)
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${schema}:${stream}`]);
  // The head row is written only by the store's own trigger (events_advance_head, running as the
  // owner): the application role may read it, never write it. The advisory lock above already makes
  // appends to one stream serial, so a plain read sees the last writer's committed head.
  const head = (
    await client.query<{ version: number; last_tx: string; last_hash: string | null }>(
      `SELECT version, last_tx::text, last_hash FROM ${s}.streams WHERE stream_id = $1`,
      [stream],
    )
  ).rows[0] ?? { version: 0, last_tx: '0', last_hash: null };
  checkExpectedVersion(stream, options.expectedVersion, head.version);

  // Separate statement, so both are taken after the lock is held: the clock is then monotonic per
  // stream, and the xid comparison sees the last writer's committed head.
  const { xid, now } = (
    await client.query<{ xid: string; now: Date }>(
      `SELECT pg_current_xact_id()::text AS xid, date_trunc('milliseconds', clock_timestamp()) AS now`,
    )
  ).rows[0];
  if (BigInt(xid) < BigInt(head.last_tx)) throw new XidOrderConflict(stream, xid, head.last_tx);

  const time = now.toISOString();
  const recorded = chainEvents(stream, events, options, { version: head.version, hash: head.last_hash }, time);

  const params: unknown[] = [];
  const rows = recorded.map((e) => {
    const p = (v: unknown) => `$${params.push(v)}`;
    return `(${p(stream)}, ${p(e.version)}, ${p(e.id)}, ${p(e.type)}, ${p(e.source)}, ${p(e.schemaVersion)},
      ${p(JSON.stringify(e.data))}::jsonb, ${p(JSON.stringify(e.metadata))}::jsonb, ${p(time)}::timestamptz,
      ${p(e.prevHash)}, ${p(e.hash)})`;
  });
  const inserted = await client.query<{ version: number; seq: string; tx_id: string }>(
    `INSERT INTO ${s}.events
       (stream_id, version, event_id, type, source, schema_version, data, metadata, time, prev_hash, hash)
     VALUES ${rows.join(',\n')}
     RETURNING version, seq::text, tx_id::text`,
    params,
  );
  const byVersion = new Map(inserted.rows.map((r) => [r.version, formatPosition(r.tx_id, r.seq)]));
  for (const e of recorded) e.position = byVersion.get(e.version) as string;

  const last = recorded[recorded.length - 1];
  // Delivered on commit only; wakes tails early instead of waiting out their poll.
  await client.query('SELECT pg_notify($1, $2)', [channelOf(schema), stream]);
  return { nextExpectedVersion: last.version, events: recorded };
}

export async function currentVersion(client: ClientBase | Pool, schema: string, stream: string): Promise<number> {
  const r = await client.query<{ version: number }>(
    `SELECT version FROM ${ident(schema)}.streams WHERE stream_id = $1`,
    [stream],
  );
  return r.rows[0]?.version ?? 0;
}

/** Unique violations are the database noticing a race the lock should have prevented, or a reused id. */
async function translate(
  err: unknown,
  client: ClientBase,
  schema: string,
  stream: string,
  options: AppendOptions,
): Promise<unknown> {
  const pgErr = err as { code?: string; constraint?: string; detail?: string };
  if (pgErr.code !== '23505') return err;
  if (pgErr.constraint?.includes('event_id')) return new DuplicateEventError(stream, pgErr.detail ?? '');
  const current = await currentVersion(client, schema, stream).catch(() => 0);
  return new ConcurrencyError(stream, options.expectedVersion, current === 0 ? 'no-stream' : current);
}
