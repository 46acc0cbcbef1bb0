import { infraUrls } from '@bpm/config';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { Upcasters } from '../lib/upcasters';
import { PostgresEventStore } from '../lib/postgres/store';

export const DATABASE_URL = infraUrls().databaseUrl;

/** A store in a fresh schema of its own; `drop()` closes it and removes the schema. */
export async function createTestStore(
  label: string,
  options: { upcasters?: Upcasters; max?: number } = {},
): Promise<{ store: PostgresEventStore; pool: Pool; schema: string; drop(): Promise<void> }> {
  const schema = `es_test_${label}_${randomBytes(4).toString('hex')}`;
  const pool = new Pool({ connectionString: DATABASE_URL, max: options.max ?? 10 });
  const store = new PostgresEventStore({ pool, schema, upcasters: options.upcasters });
  await store.migrate();
  return {
    store,
    pool,
    schema,
    async drop() {
      await store.close();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
