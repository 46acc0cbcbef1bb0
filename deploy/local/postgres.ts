import { Client } from 'pg';
import { infraPort, infraUrls } from '../../libs/config/src/lib/infra-defaults';
import { portOpen, runningPid, startDetached, waitFor } from './processes';
import { log } from './build-tools';
import { ensureDbRoles } from './db-roles';
import { join } from 'node:path';

export const postgres = {
  name: 'postgres',
  port: () => infraPort('BPM_PG_PORT'),
  async up() {
    if (!runningPid('postgres')) {
      if (await portOpen(this.port())) {
        throw new Error(`port ${this.port()} is taken by another program; set BPM_PG_PORT to a free port`);
      }
      startDetached('postgres', process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'pg-daemon.ts')]);
    }
    await waitFor('PostgreSQL', () => this.check(), 60_000, 'postgres');
    await ensureDbRoles();
    log(`postgres ready on 127.0.0.1:${this.port()}`);
  },
  /** Ready means `select 1` answers in the platform's database. */
  async check() {
    const client = new Client({ connectionString: infraUrls().databaseAdminUrl, connectionTimeoutMillis: 2000 });
    await client.connect();
    try {
      await client.query('select 1');
    } finally {
      await client.end();
    }
  },
};
