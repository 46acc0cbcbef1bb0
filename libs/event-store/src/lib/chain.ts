import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@bpm/contracts';
import { asStored, hashEvent } from './hashing';
import type { AppendOptions } from './port';

export interface StreamHead {
  version: number;
  hash: string | null;
}

/**
 * Gives new events their envelope, versions after `head` and hashes chained to it. `position` is left
 * empty: only the store knows it once written. Data and metadata are taken in their stored form so the
 * hash recomputed from a read equals this one.
 */
export function chainEvents(
  stream: string,
  events: NewEvent[],
  options: AppendOptions,
  head: StreamHead,
  time: string,
): RecordedEvent[] {
  const metadata = asStored(options.metadata);
  let prevHash = head.hash;
  return events.map((e, i) => {
    const fields = {
      id: e.id ?? randomUUID(),
      type: e.type,
      source: options.source,
      subject: stream,
      time,
      schemaVersion: e.schemaVersion ?? 1,
      data: asStored(e.data),
      metadata,
      version: head.version + i + 1,
      prevHash,
    };
    prevHash = hashEvent(fields);
    return { ...fields, position: '', hash: prevHash };
  });
}
