import { infraUrls } from '@bpm/config';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { Upcasters } from '../lib/upcasters';
import { PostgresEventStore } from '../lib/postgres/store';

/** The application role (appends); the owner (migrates, drops); the superuser (plays the attacker). */
export const DATABASE_URL = infraUrls().databaseUrl;
export const DATABASE_OWNER_URL = infraUrls().databaseOwnerUrl;
export const DATABASE_ADMIN_URL = infraUrls().databaseAdminUrl;

/**
 * A store in a fresh schema of its own, migrated by the owner and used as the application role, as
 * in production; `ownerPool` is the owner's login. `drop()` closes both and removes the schema.
 */
export async function createTestStore(
  label: string,
  options: { upcasters?: Upcasters; max?: number } = {},
): Promise<{ store: PostgresEventStore; pool: Pool; ownerPool: Pool; schema: string; drop(): Promise<void> }> {
  const schema = `es_test_${label}_${randomBytes(4).toString('hex')}`;
  const pool = new Pool({ connectionString: DATABASE_URL, max: options.max ?? 10 });
  const ownerPool = new Pool({ connectionString: DATABASE_OWNER_URL, max: 2 });
  const store = new PostgresEventStore({
    pool,
    schema,
    upcasters: options.upcasters,
    ownerConnectionString: DATABASE_OWNER_URL,
  });
  await store.migrate();
  return {
    store,
    pool,
    ownerPool,
    schema,
    async drop() {
      await store.close();
      await pool.end();
      await ownerPool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await ownerPool.end();
    },
  };
}
