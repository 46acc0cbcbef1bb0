import { jsonEvent, type AllStreamResolvedEvent, type EventData, type JSONType, type ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '@bpm/contracts';
import { formatPosition } from '../positions';

/** What ESDB has no native field for travels in its event metadata. */
interface Envelope {
  source: string;
  schemaVersion: number;
  time: string;
  prevHash: string | null;
  hash: string;
  metadata: EventMetadata;
  /** ESDB's own conventions, so its projections and UI can follow causality. */
  $correlationId: string;
  $causationId?: string;
}

export function toEventData(e: RecordedEvent): EventData {
  const envelope: Envelope = {
    source: e.source,
    schemaVersion: e.schemaVersion,
    time: e.time,
    prevHash: e.prevHash,
    hash: e.hash,
    metadata: e.metadata,
    $correlationId: e.metadata.correlationId,
    ...(e.metadata.causationId ? { $causationId: e.metadata.causationId } : {}),
  };
  // ESDB accepts any JSON body; its typings only admit objects, arrays and strings.
  return jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata: envelope as unknown as JSONType });
}

/** Stored form of one of our events, or null for system events and anything not written by this adapter. */
export function fromResolved(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const e = resolved.event;
  if (!e || !e.isJson || e.streamId.startsWith('$') || e.type.startsWith('$')) return null;
  const env = e.metadata as Partial<Envelope> | undefined;
  if (!env || typeof env.hash !== 'string' || typeof env.time !== 'string') return null;
  return {
    id: e.id,
    type: e.type,
    source: env.source as string,
    subject: e.streamId,
    time: env.time,
    schemaVersion: env.schemaVersion as number,
    data: e.data,
    metadata: env.metadata as EventMetadata,
    // ESDB revisions are 0-based; our versions are 1-based.
    version: Number(e.revision) + 1,
    position: e.position ? formatPosition(e.position.commit, e.position.prepare) : '',
    prevHash: env.prevHash ?? null,
    hash: env.hash,
  };
}
