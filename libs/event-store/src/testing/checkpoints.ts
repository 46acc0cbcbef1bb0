import type { Checkpointer } from '../lib/postgres/checkpointer';

/** Retries `take()` until it fails (the events it must see may be hidden behind running transactions). */
export async function checkpointRefusal(checkpointer: Checkpointer, timeoutMs = 30_000): Promise<Error> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await checkpointer.take();
    } catch (err) {
      return err as Error;
    }
    if (Date.now() > until) throw new Error(`the checkpointer signed on for ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
