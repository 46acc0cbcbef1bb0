import type { RecordedEvent } from '@bpm/contracts';
import { formatPosition } from '../positions';

/** Quotes an identifier (schema name) for interpolation into SQL. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Rows below the oldest transaction still running are final: nothing can commit among them later. */
export const VISIBLE = `tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`;

export const EVENT_COLUMNS = `seq, tx_id, stream_id, version, event_id, type, source, schema_version,
  data, metadata, time, prev_hash, hash`;

export interface EventRow {
  seq: string;
  tx_id: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  source: string;
  schema_version: number;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  time: Date;
  prev_hash: string | null;
  hash: string;
}

/** The stored form, exactly as hashed when written (before any upcasting). */
export function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    source: row.source,
    subject: row.stream_id,
    time: row.time.toISOString(),
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    version: row.version,
    position: formatPosition(row.tx_id, row.seq),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The NOTIFY channel appends wake tails on; one per schema so suites and tenants don't cross. */
export function channelOf(schema: string): string {
  return `bpm_events_${schema}`.slice(0, 63);
}
