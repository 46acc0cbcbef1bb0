import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ReadPosition,
} from '@eventstore/db-client';
import type { NewEvent, RecordedEvent } from '@bpm/contracts';
import { categoryOf } from '@bpm/contracts';
import { chainEvents } from '../chain';
import { checkExpectedVersion } from '../expected-version';
import {
  ConcurrencyError,
  type AppendOptions,
  type AppendResult,
  type BrokenLink,
  type EventHandler,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
  type VerifyOptions,
  type VerifyReport,
} from '../port';
import { comparePositions, parsePosition } from '../positions';
import { startTail } from '../tail';
import { Upcasters } from '../upcasters';
import { ChainVerifier } from '../verify';
import { fromResolved, toEventData } from './mapping';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  connectionString?: string;
  client?: EventStoreDBClient;
  upcasters?: Upcasters;
}

/** Retries of 'any' / 'stream-exists' appends that lost the race for the chain's next link. */
const MAX_APPEND_ATTEMPTS = 5;

/**
 * The same port over EventStoreDB. The hash chain is built client-side, so every append is written at
 * the exact revision it was chained to; the caller's expected version is checked against that revision.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly upcasters: Upcasters;

  constructor(options: EventStoreDbEventStoreOptions) {
    if (!options.client && !options.connectionString) throw new Error('EventStoreDB: client or connectionString required');
    this.client = options.client ?? EventStoreDBClient.connectionString(options.connectionString as string);
    this.upcasters = options.upcasters ?? new Upcasters();
  }

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const [last] = await this.readRaw(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 });
      const current = last?.version ?? 0;
      checkExpectedVersion(stream, options.expectedVersion, current);
      if (events.length === 0) return { nextExpectedVersion: current, events: [] };

      // Client clock, kept monotonic per stream like the PostgreSQL store's.
      const now = Math.max(Date.now(), last ? Date.parse(last.time) : 0);
      const recorded = chainEvents(stream, events, options, { version: current, hash: last?.hash ?? null }, new Date(now).toISOString());
      try {
        await this.client.appendToStream(stream, recorded.map(toEventData), {
          expectedRevision: current === 0 ? NO_STREAM : BigInt(current - 1),
        });
      } catch (err) {
        if (!(err instanceof WrongExpectedVersionError)) throw err;
        const loose = options.expectedVersion === 'any' || options.expectedVersion === 'stream-exists';
        if (loose && attempt < MAX_APPEND_ATTEMPTS) continue;
        const actual = typeof err.actualVersion === 'bigint' ? Number(err.actualVersion) + 1 : 0;
        throw new ConcurrencyError(stream, options.expectedVersion, actual === 0 ? 'no-stream' : actual);
      }
      // Positions are per event; the append result only carries the last one.
      const written = await this.readRaw(stream, { fromRevision: BigInt(current), maxCount: recorded.length });
      return { nextExpectedVersion: current + recorded.length, events: written };
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(options.from ?? 1, 1);
    const maxCount = options.to !== undefined ? options.to - from + 1 : undefined;
    if (maxCount !== undefined && maxCount <= 0) return [];
    let events = await this.readRaw(stream, { fromRevision: BigInt(from - 1), maxCount });
    if (options.asOf) {
      const asOf = options.asOf.getTime();
      events = events.filter((e) => Date.parse(e.time) <= asOf);
    }
    return events.map((e) => this.upcasters.upcast(e));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    if (options.limit === 0) return out;
    for await (const e of this.readAllRaw(options.after)) {
      if (options.categories && !options.categories.includes(categoryOf(e.subject))) continue;
      out.push(this.upcasters.upcast(e));
      if (options.limit !== undefined && out.length >= options.limit) break;
    }
    return out;
  }

  async headPosition(): Promise<string | null> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS })) {
      const e = fromResolved(resolved);
      if (e) return e.position;
    }
    return null;
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    return startTail({ read: (after, categories, limit) => this.readAll({ after, categories, limit }) }, options, handler);
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    let streams = options.streams;
    if (!streams) {
      const seen = new Set<string>();
      for await (const e of this.readAllRaw(undefined)) seen.add(e.subject);
      streams = [...seen];
    }
    const broken: BrokenLink[] = [];
    let eventsChecked = 0;
    for (const stream of streams) {
      const chain = new ChainVerifier(stream);
      for (const e of await this.readRaw(stream, { fromRevision: START })) if (!chain.next(e)) break;
      if (chain.broken) broken.push(chain.broken);
      eventsChecked += chain.count;
    }
    return { ok: broken.length === 0, streamsChecked: streams.length, eventsChecked, broken };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** Stored form of a stream's events; empty when the stream does not exist. */
  private async readRaw(
    stream: string,
    options: { fromRevision: bigint | typeof START | typeof END; direction?: typeof FORWARDS | typeof BACKWARDS; maxCount?: number },
  ): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, options)) {
        const e = fromResolved(resolved);
        if (e) out.push(e);
      }
    } catch (err) {
      if (err instanceof StreamNotFoundError) return [];
      throw err;
    }
    return out;
  }

  /** Our events in $all after `after` (exclusive; ESDB's fromPosition is inclusive). */
  private async *readAllRaw(after: string | undefined): AsyncGenerator<RecordedEvent> {
    let fromPosition: ReadPosition = START;
    if (after) {
      const [commit, prepare] = parsePosition(after);
      fromPosition = { commit, prepare };
    }
    for await (const resolved of this.client.readAll({ fromPosition, direction: FORWARDS })) {
      const e = fromResolved(resolved);
      if (e && (!after || comparePositions(e.position, after) > 0)) yield e;
    }
  }
}
