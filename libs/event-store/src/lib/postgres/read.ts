import type { Pool } from 'pg';
import type { RecordedEvent } from '@bpm/contracts';
import type { ReadAllOptions, ReadStreamOptions } from '../port';
import { formatPosition, parsePosition } from '../positions';
import { EVENT_COLUMNS, VISIBLE, ident, toRecorded, type EventRow } from './sql';

/** One stream in version order, stored form. Not limited by VISIBLE: a stream's own order is its versions. */
export async function readStreamRows(
  pool: Pool,
  schema: string,
  stream: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const params: unknown[] = [stream];
  const where = ['stream_id = $1'];
  if (options.from !== undefined) where.push(`version >= $${params.push(options.from)}`);
  if (options.to !== undefined) where.push(`version <= $${params.push(options.to)}`);
  // Times are monotonic per stream, so this is the prefix that existed at `asOf`.
  if (options.asOf !== undefined) where.push(`time <= $${params.push(options.asOf)}`);
  const r = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${ident(schema)}.events WHERE ${where.join(' AND ')} ORDER BY version`,
    params,
  );
  return r.rows.map(toRecorded);
}

/** The global log in (tx_id, seq) order, only below the oldest running transaction. */
export async function readAllRows(pool: Pool, schema: string, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const params: unknown[] = [];
  const where = [VISIBLE];
  if (options.after !== undefined) {
    const [tx, seq] = parsePosition(options.after);
    where.push(`(tx_id, seq) > ($${params.push(tx.toString())}::bigint, $${params.push(seq.toString())}::bigint)`);
  }
  if (options.categories) where.push(`category = ANY($${params.push(options.categories)}::text[])`);
  const limit = options.limit !== undefined ? `LIMIT $${params.push(options.limit)}` : '';
  const r = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM ${ident(schema)}.events WHERE ${where.join(' AND ')}
     ORDER BY tx_id, seq ${limit}`,
    params,
  );
  return r.rows.map(toRecorded);
}

export async function headPosition(pool: Pool, schema: string): Promise<string | null> {
  const r = await pool.query<{ tx_id: string; seq: string }>(
    // Order by the bigint columns (qualified), not by the text aliases: '9' sorts after '10'.
    `SELECT e.tx_id::text AS tx_id, e.seq::text AS seq FROM ${ident(schema)}.events e WHERE ${VISIBLE}
     ORDER BY e.tx_id DESC, e.seq DESC LIMIT 1`,
  );
  return r.rows[0] ? formatPosition(r.rows[0].tx_id, r.rows[0].seq) : null;
}
