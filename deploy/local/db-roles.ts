import { Client } from 'pg';
import { dbRoles, infraUrls } from '../../libs/config/src/lib/infra-defaults';
import { rolesSql } from '../../libs/config/src/lib/db-roles-sql';

/**
 * Creates the least-privilege logins (bpm_owner, bpm_app, bpm_read) as the superuser, the only
 * thing the launcher still does with it. A database made before the roles existed is adopted:
 * event-store schemas (those with `events`, `streams` and `migrations`) pass to the owner, every
 * other schema of ours to the read role, so the next migration can grant the app its rights.
 */
export async function ensureDbRoles(adminUrl = infraUrls().databaseAdminUrl): Promise<void> {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(rolesSql('bpm'));
    const { rows } = await client.query<{ schema: string; store: boolean }>(`
      SELECT n.nspname AS schema,
             (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'r'
                AND c.relname IN ('events', 'streams', 'migrations')) = 3 AS store
      FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner
      WHERE r.rolsuper AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname NOT IN ('public', 'information_schema')`);
    for (const { schema, store } of rows) await adopt(client, schema, store ? dbRoles.owner : dbRoles.read);
  } finally {
    await client.end();
  }
}

async function adopt(client: Client, schema: string, role: string): Promise<void> {
  const objects = await client.query<{ kind: string; name: string }>(
    `SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, format('%I.%I', n.nspname, c.relname) AS name
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm') 
     UNION ALL
     SELECT 'FUNCTION', format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1`,
    [schema],
  );
  await client.query(`ALTER SCHEMA "${schema.replace(/"/g, '""')}" OWNER TO ${role}`);
  // Sequences owned by a column follow their table.
  for (const o of objects.rows) await client.query(`ALTER ${o.kind} ${o.name} OWNER TO ${role}`);
}
