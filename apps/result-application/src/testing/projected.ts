import type { INestApplication } from '@nestjs/common';
import { comparePositions, type EventStore } from '@bpm/event-store';
import { ReadModels } from '../infrastructure/read-models';
import { EVENT_STORE } from '../infrastructure/tokens';

/**
 * Waits until the read model has folded the latest event of each stream. One catch-up is not
 * enough: the store holds back events behind a still-open older transaction (its global order),
 * so under load a write of ours may become readable a moment later.
 */
export async function projected(app: INestApplication, streams: readonly string[], timeoutMs = 30_000): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  const runner = app.get(ReadModels).records;
  const targets = (await Promise.all(streams.map((s) => store.readStream(s)))).map((events, i) => {
    const last = events.at(-1);
    if (!last) throw new Error(`no events in ${streams[i]}`);
    return last.position;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runner.catchUp();
    const at = await runner.position();
    if (at !== null && targets.every((t) => comparePositions(at, t) >= 0)) return;
    if (Date.now() > deadline) throw new Error(`read model still behind ${streams.join(', ')} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
