import type { KeyObject } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '@bpm/contracts';
import type { SignedCheckpoint } from './checkpoint/statement';

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
  /** Follows the global log from a checkpoint, delivering each event once and in order, until stopped. */
  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription;
  /** Recomputes every hash chain from the stored (not upcast) events. */
  verify(options?: VerifyOptions): Promise<VerifyReport>;
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint; omitted = from the beginning. */
  after?: string;
  categories?: string[];
  /** Events fetched per read; default 100. */
  batchSize?: number;
  /** Pause between reads once caught up; default 250 ms. */
  pollMs?: number;
}

/** Awaited before the next event is delivered; a throw stops the subscription (`done` rejects). */
export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface Subscription {
  /** Stops after the handler in flight returns. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves on stop, rejects on a handler or read error. */
  readonly done: Promise<void>;
  /** Position of the last event handled: the checkpoint to resume from. */
  position(): string | undefined;
}

export interface VerifyOptions {
  /** Omitted = every stream. */
  streams?: string[];
  /**
   * Check every stream against the latest signed checkpoint too (PostgreSQL store): its heads must
   * still be there, unchanged. Without it only the hash chain is checked, which whoever can write
   * the database can recompute. `published`: checkpoints read from outside (Kafka, the JSONL log);
   * `store`: the store name they were signed for (default the schema; differs for a restored copy).
   */
  checkpoints?: { publicKey: KeyObject; published?: SignedCheckpoint[]; store?: string };
}

/** The first place a stream's chain does not hold. */
export interface BrokenLink {
  stream: string;
  version: number;
  eventId: string | null;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  broken: BrokenLink[];
  /** With `checkpoints`: the checkpoint used, how many streams it vouched for, and its own problems. */
  checkpoint?: { id: number; position: string; createdAt: string } | null;
  anchoredStreams?: number;
  checkpointProblems?: string[];
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

/** Thrown when an event id is already in the store (ids are unique across all streams). */
export class DuplicateEventError extends Error {
  constructor(readonly stream: string, readonly detail: string) {
    super(`stream ${stream}: duplicate event id (${detail})`);
    this.name = 'DuplicateEventError';
  }
}
