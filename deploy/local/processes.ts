import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Retries `probe` until it resolves or the time is up; the last error explains the failure. */
export async function waitFor(what: string, probe: () => Promise<unknown>, timeoutMs: number, logName?: string) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await probe();
      return;
    } catch (e) {
      last = e;
      await sleep(300);
    }
  }
  const hint = logName ? ` (see ${logFile(logName)})` : '';
  throw new Error(`${what} was not ready after ${timeoutMs / 1000}s${hint}: ${(last as Error)?.message ?? last}`);
}
