import type { RecordedEvent } from '@bpm/contracts';
import type { EventHandler, SubscribeOptions, Subscription } from './port';

export interface TailSource {
  /** The next events after `after` in global order, as `readAll` returns them. */
  read(after: string | undefined, categories: string[] | undefined, limit: number): Promise<RecordedEvent[]>;
  /** Optional push hint (e.g. LISTEN/NOTIFY) that cuts the poll short; returns the undo. */
  listen?(wake: () => void): Promise<() => Promise<void>>;
}

/**
 * A catch-up subscription built only on ordered reads: read a batch after the checkpoint, hand each
 * event to the handler in turn, advance the checkpoint, and poll once caught up. Because the reads
 * never show an event before one that precedes it, following the checkpoint delivers each event once.
 */
export function startTail(source: TailSource, options: SubscribeOptions, handler: EventHandler): Subscription {
  const batchSize = options.batchSize ?? 100;
  const pollMs = options.pollMs ?? 250;
  let position = options.after;
  let stopped = false;
  let woken = false;
  let interrupt: (() => void) | undefined;

  const wake = () => {
    woken = true;
    interrupt?.();
  };
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(finish, pollMs);
      interrupt = finish;
      function finish() {
        clearTimeout(timer);
        interrupt = undefined;
        resolve();
      }
    });

  const run = async () => {
    const unlisten = source.listen ? await source.listen(wake) : undefined;
    try {
      while (!stopped) {
        woken = false;
        const batch = await source.read(position, options.categories, batchSize);
        for (const event of batch) {
          if (stopped) return;
          await handler(event);
          position = event.position;
        }
        // A full batch means more is waiting; a notification during the read means the same.
        if (batch.length < batchSize && !woken && !stopped) await pause();
      }
    } finally {
      await unlisten?.();
    }
  };

  const done = run();
  done.catch(() => undefined); // the caller may never await `done`; errors stay observable through it
  return {
    done,
    position: () => position,
    async stop() {
      stopped = true;
      interrupt?.();
      await done.catch(() => undefined);
    },
  };
}
