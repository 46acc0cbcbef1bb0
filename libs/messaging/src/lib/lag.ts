import type { EventStore } from '@bpm/event-store';

export interface Lag {
  /** Last position handled (durably), or null when nothing was handled yet. */
  position: string | null;
  /** Newest position in the store, or null for an empty store. */
  head: string | null;
  /** Events (of the followed categories) after `position`, counted up to the cap. */
  eventsBehind: number;
  /** True when `eventsBehind` stopped at the cap: the real lag is at least that. */
  capped: boolean;
}

/** Counts the events after `position` by paging readAll, stopping at `cap`. */
export async function measureLag(
  store: EventStore,
  position: string | null,
  categories: string[] | undefined,
  cap = 10_000,
): Promise<Lag> {
  const head = await store.headPosition();
  let eventsBehind = 0;
  let after = position ?? undefined;
  while (head !== null && after !== head && eventsBehind < cap) {
    const page = await store.readAll({ after, categories, limit: Math.min(1000, cap - eventsBehind) });
    if (page.length === 0) break;
    eventsBehind += page.length;
    after = page[page.length - 1].position;
  }
  return { position, head, eventsBehind, capped: eventsBehind >= cap };
}
