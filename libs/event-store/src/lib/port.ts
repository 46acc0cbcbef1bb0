import type { EventMetadata, NewEvent, RecordedEvent } from '@bpm/contracts';

/**
 * What the caller believes about the stream before appending:
 * a number (the stream's current version; 0 = empty), `no-stream` (must not exist),
 * `stream-exists` (must have at least one event) or `any` (no check). All four are enforced.
 */
export type ExpectedVersion = number | 'no-stream' | 'stream-exists' | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  metadata: EventMetadata;
  /** The writing service (CloudEvents `source`). */
  source: string;
}

export interface AppendResult {
  nextExpectedVersion: number;
  events: RecordedEvent[];
}

export interface ReadStreamOptions {
  /** First version to return (inclusive, 1-based). */
  from?: number;
  /** Last version to return (inclusive). */
  to?: number;
  /** Only events recorded at or before this moment: the stream as it stood then. */
  asOf?: Date;
}

export interface ReadAllOptions {
  /** Exclusive; omitted = from the beginning. */
  after?: string;
  categories?: string[];
  limit?: number;
}

export interface EventStore {
  appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** Events of one stream in version order, upcast to their latest schema. Empty if none. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The global log in commit order, never showing an event before one that precedes it. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the newest event visible to readers, or null for an empty store. */
  headPosition(): Promise<string | null>;
  close(): Promise<void>;
}

/** Thrown when the expected version does not hold; the HTTP layer answers 409. */
export class ConcurrencyError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | 'no-stream',
  ) {
    super(`stream ${stream}: expected version ${String(expected)}, actual ${String(actual)}`);
    this.name = 'ConcurrencyError';
  }
}
