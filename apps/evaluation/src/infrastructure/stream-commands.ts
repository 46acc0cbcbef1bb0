import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '@bpm/decider';
import type { RecordedEvent } from '@bpm/contracts';
import type { EventStore } from '@bpm/event-store';
import type { RequestActor } from './request-actor';
import { EVENT_STORE, SOURCE } from './tokens';

type DomainEvent = { type: string; data: unknown };

export interface Loaded<S> {
  state: S;
  /** The stream's version: 0 when it does not exist. */
  version: number;
  events: RecordedEvent[];
}

/**
 * The write path of every use case: load the stream, fold it, decide, append with the
 * version it was read at. A concurrent writer makes the append throw ConcurrencyError (409).
 */
@Injectable()
export class StreamCommands {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, stream: string): Promise<Loaded<S>> {
    const events = await this.store.readStream(stream);
    const state = events.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as E), decider.initialState());
    return { state, version: events.at(-1)?.version ?? 0, events };
  }

  async execute<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, stream: string, command: C, acting: RequestActor): Promise<Loaded<S>> {
    const loaded = await this.load(decider, stream);
    const decided = decider.decide(command, loaded.state);
    if (!decided.length) return loaded;
    const appended = await this.store.appendToStream(stream, decided, {
      expectedVersion: loaded.version === 0 ? 'no-stream' : loaded.version,
      metadata: acting.metadata,
      source: SOURCE,
    });
    return { state: decided.reduce(decider.evolve, loaded.state), version: appended.nextExpectedVersion, events: appended.events };
  }
}
