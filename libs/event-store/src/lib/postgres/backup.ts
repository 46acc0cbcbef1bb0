import type { ClientBase, Pool } from 'pg';
import { ident } from './sql';

/**
 * A logical backup of one event store: JSON lines, a header then every event, checkpoint and
 * checkpoint leaf with the columns that make them (positions included). Taken as the application role
 * (it only reads), in one REPEATABLE READ snapshot so the parts agree. Restored by `restoreStore` as the
 * owner, through the same chain-checking trigger as a live append: a backup whose chains do not link
 * cannot be restored. Whether its history is the signed one is then for `verify({ checkpoints })`.
 */
export interface BackupHeader {
  format: 'bpm-event-store-backup/1';
  schema: string;
  createdAt: string;
  migrations: number[];
}

const PAGE = 5000;
const EVENT_SQL = `seq::text, tx_id::text, stream_id, version, event_id, type, source, schema_version, data, metadata,
  to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS time, prev_hash, hash`;

export async function backupStore(pool: Pool, schema: string, write: (line: string) => Promise<void> | void): Promise<{ events: number; checkpoints: number }> {
  const s = ident(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query<{ id: number }>(`SELECT id FROM ${s}.migrations ORDER BY id`)).rows.map((r) => r.id);
    const header: BackupHeader = { format: 'bpm-event-store-backup/1', schema, createdAt: new Date().toISOString(), migrations };
    await write(JSON.stringify(header));
    let events = 0;
    for (let after = '0'; ; ) {
      const { rows } = await client.query(`SELECT ${EVENT_SQL} FROM ${s}.events WHERE seq > $1 ORDER BY seq LIMIT ${PAGE}`, [after]);
      for (const r of rows) await write(JSON.stringify({ kind: 'event', ...r }));
      events += rows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].seq;
    }
    const checkpoints = await copyAll(client, `SELECT id::text, position, statement, signature FROM ${s}.checkpoints ORDER BY id`, 'checkpoint', write);
    await copyAll(client, `SELECT checkpoint_id::text, stream_id, version, hash FROM ${s}.checkpoint_leaves ORDER BY checkpoint_id, stream_id`, 'leaf', write);
    await client.query('COMMIT');
    return { events, checkpoints };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function copyAll(client: ClientBase, sql: string, kind: string, write: (line: string) => Promise<void> | void) {
  const { rows } = await client.query(sql);
  for (const r of rows) await write(JSON.stringify({ kind, ...r }));
  return rows.length;
}

/**
 * Restores a backup into `schema` (which must not hold events yet), as the owner. Events go in in
 * their original (seq) order with their original positions; the stream heads are rebuilt by the
 * trigger, which refuses any event that does not chain. Refuses to restore into a cluster whose
 * transaction ids are behind the backup's: later appends would sort before restored events.
 */
export async function restoreStore(ownerPool: Pool, schema: string, lines: AsyncIterable<string> | Iterable<string>): Promise<{ events: number; checkpoints: number }> {
  const s = ident(schema);
  const client = await ownerPool.connect();
  let header: BackupHeader | undefined;
  let events = 0;
  let checkpoints = 0;
  let maxTx = 0n;
  try {
    await client.query('BEGIN');
    if ((await client.query(`SELECT 1 FROM ${s}.events LIMIT 1`)).rowCount) throw new Error(`schema ${schema} already holds events`);
    for await (const line of lines) {
      if (!line.trim()) continue;
      const r = JSON.parse(line);
      if (!header) {
        if (r.format !== 'bpm-event-store-backup/1') throw new Error('not a bpm-event-store-backup/1 file');
        header = r as BackupHeader;
      } else if (r.kind === 'event') {
        await client.query(
          `INSERT INTO ${s}.events (seq, tx_id, stream_id, version, event_id, type, source, schema_version, data, metadata, time, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [r.seq, r.tx_id, r.stream_id, r.version, r.event_id, r.type, r.source, r.schema_version, JSON.stringify(r.data), JSON.stringify(r.metadata), r.time, r.prev_hash, r.hash],
        );
        if (BigInt(r.tx_id) > maxTx) maxTx = BigInt(r.tx_id);
        events++;
      } else if (r.kind === 'checkpoint') {
        await client.query(`INSERT INTO ${s}.checkpoints (id, position, statement, signature) VALUES ($1, $2, $3, $4)`, [r.id, r.position, r.statement, r.signature]);
        checkpoints++;
      } else if (r.kind === 'leaf') {
        await client.query(`INSERT INTO ${s}.checkpoint_leaves (checkpoint_id, stream_id, version, hash) VALUES ($1, $2, $3, $4)`, [r.checkpoint_id, r.stream_id, r.version, r.hash]);
      } else {
        throw new Error(`unknown backup line: ${line.slice(0, 80)}`);
      }
    }
    if (!header) throw new Error('empty backup');
    const xid = BigInt((await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0].xid);
    if (xid <= maxTx) {
      throw new Error(`this cluster's transaction ids (${xid}) are behind the backup's (${maxTx}): advance them first (pg_resetwal -x), or new events would sort before restored ones`);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'seq'), greatest((SELECT max(seq) FROM ${s}.events), 1))`, [`${s}.events`]);
    await client.query('COMMIT');
    return { events, checkpoints };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
