/**
 * Progress of long first-run steps (downloads, builds): one line when a step starts, saying
 * roughly how long it takes, a heartbeat with the elapsed time of every step still running,
 * and one line when it ends. Plain lines rather than a redrawn bar: they read the same in a
 * terminal and in a CI log, and steps running at the same time do not overwrite each other.
 */
const running = new Map<string, { since: number; detail?: () => string }>();
let timer: NodeJS.Timeout | undefined;
const heartbeatMs = Number(process.env['BPM_PROGRESS_MS'] ?? (process.stdout.isTTY ? 5_000 : 15_000));

export function say(prefix: string, message: string) {
  process.stdout.write(`[${prefix}] ${message}\n`);
}

export function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/**
 * Runs `work` as a step called `name` (short, for the heartbeat) that is `doing` something;
 * `usually` says how long it took when measured (see README).
 */
export async function step<T>(
  prefix: string,
  name: string,
  doing: string,
  usually: string,
  work: () => Promise<T>,
  detail?: () => string,
): Promise<T> {
  const since = Date.now();
  say(prefix, `${name}: ${doing} (${usually}) ...`);
  running.set(name, { since, detail });
  timer ??= setInterval(() => {
    const now = Date.now();
    const list = [...running].map(([name, s]) => `${name} ${seconds(now - s.since)}${s.detail ? ` (${s.detail()})` : ''}`);
    if (list.length) say(prefix, `still working: ${list.join(', ')}`);
  }, heartbeatMs);
  try {
    const result = await work();
    say(prefix, `${name}: done in ${seconds(Date.now() - since)}`);
    return result;
  } finally {
    running.delete(name);
    if (running.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }
}
