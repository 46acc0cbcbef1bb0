import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { ensureDir, localPath } from './paths';

/**
 * Background processes the launcher owns: each is started detached in its own process
 * group, its pid kept in .local/run/<name>.pid and its output in .local/logs/<name>.log,
 * so `infra:down` stops exactly what `infra:up` started.
 */
const pidFile = (name: string) => localPath('run', `${name}.pid`);
export const logFile = (name: string) => localPath('logs', `${name}.log`);

export function startDetached(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd?: string,
): number {
  ensureDir(localPath('run'));
  ensureDir(localPath('logs'));
  const out = openSync(logFile(name), 'a');
  const child = spawn(command, args, {
    detached: true,
    cwd,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env },
  });
  child.unref();
  if (!child.pid) throw new Error(`${name}: could not start ${command}`);
  writeFileSync(pidFile(name), String(child.pid));
  return child.pid;
}

export function runningPid(name: string): number | null {
  if (!existsSync(pidFile(name))) return null;
  const pid = Number(readFileSync(pidFile(name), 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** SIGTERM to the whole group, then SIGKILL after the grace period. */
export async function stopProcess(name: string, graceMs = 15_000): Promise<boolean> {
  const pid = runningPid(name);
  rmSync(pidFile(name), { force: true });
  if (pid === null) return false;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      /* already gone */
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await sleep(200);
  }
  signal('SIGKILL');
  return true;
}

export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Set when one part of a start failed: the other parts stop waiting and building, so the
 * launcher can stop whatever was started and report the first failure.
 */
export const abort = new AbortController();

/** A part that failed, with the log that tells why. */
export class PartFailure extends Error {
  constructor(readonly part: string, message: string, readonly log?: string) {
    super(message);
  }
  /** Names the part, its log file and the last lines of that log. */
  report(prefix: string, lines = 12): string {
    const out = [`[${prefix}] ${this.part} failed: ${this.message}`];
    if (this.log && existsSync(this.log)) {
      out.push(`[${prefix}] last lines of ${this.log}:`);
      for (const line of tail(this.log, lines)) out.push(`[${prefix}]   | ${line.length > 240 ? `${line.slice(0, 240)}…` : line}`);
    }
    return out.join('\n') + '\n';
  }
}

export function tail(file: string, lines: number): string[] {
  const text = readFileSync(file, 'utf8').trimEnd();
  return text ? text.split('\n').slice(-lines) : [];
}

/**
 * Runs a build or download step to completion with its output in .local/logs/<logName>.log,
 * in its own process group so that an abort stops the tools it started too (go spawns compilers).
 */
export function runLogged(part: string, logName: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  ensureDir(localPath('logs'));
  const out = openSync(logFile(logName), 'a');
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
    const onAbort = () => child.pid && signalGroup(child.pid, 'SIGKILL');
    abort.signal.addEventListener('abort', onAbort);
    child.once('error', (e: NodeJS.ErrnoException) =>
      reject(new PartFailure(part, e.code === 'ENOENT' ? `\`${command}\` is not installed or not on PATH: ${installHint[command] ?? `install ${command}`}` : `could not run ${command}: ${e.message}`)),
    );
    child.once('exit', (code, signal) => {
      abort.signal.removeEventListener('abort', onAbort);
      if (code === 0) resolve();
      else reject(new PartFailure(part, `${command} ${args[0] ?? ''} failed (${code ?? signal})`, logFile(logName)));
    });
  }).finally(() => closeSync(out));
}

const installHint: Record<string, string> = {
  mvn: 'install Java 17 and Maven (e.g. `apt-get install openjdk-17-jdk-headless maven`)',
  java: 'install Java 17 (e.g. `apt-get install openjdk-17-jdk-headless`)',
  go: 'install Go (https://go.dev/dl), needed once to build the Temporal CLI',
};

function signalGroup(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(-pid, sig);
  } catch {
    /* already gone */
  }
}

/**
 * Retries `probe` until it resolves or the time is up; the last error explains the failure.
 * With `logName`, also gives up as soon as that owned process has exited.
 */
export async function waitFor(what: string, probe: () => Promise<unknown>, timeoutMs: number, logName?: string) {
  const deadline = Date.now() + timeoutMs;
  const log = logName ? logFile(logName) : undefined;
  let last: unknown;
  while (Date.now() < deadline) {
    if (abort.signal.aborted) throw new PartFailure(what, 'stopped because another part failed', log);
    try {
      await probe();
      return;
    } catch (e) {
      last = e;
      if (logName && !runningPid(logName)) throw new PartFailure(logName, `${what} exited while starting`, log);
      await sleep(300);
    }
  }
  throw new PartFailure(logName ?? what, `${what} was not ready after ${timeoutMs / 1000}s: ${(last as Error)?.message ?? last}`, log);
}
