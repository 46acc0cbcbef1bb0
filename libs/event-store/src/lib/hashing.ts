import { createHash } from 'node:crypto';
import { canonicalJson, type RecordedEvent } from '@bpm/contracts';

/** Every field of an event the hash covers: all but its global position and the hash itself. */
export type HashedFields = Omit<RecordedEvent, 'position' | 'hash'>;

/** SHA-256 (hex) over the RFC 8785 form, so any store and any language can recompute it. */
export function hashEvent(e: HashedFields): string {
  const canonical = canonicalJson({
    id: e.id,
    type: e.type,
    source: e.source,
    subject: e.subject,
    time: e.time,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    version: e.version,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * The value as it will come back from storage (undefined members gone, Dates as strings), so the hash
 * taken before writing equals the hash recomputed after reading.
 */
export function asStored<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}
