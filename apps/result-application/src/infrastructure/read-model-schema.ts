import type { Pool } from 'pg';

/** The read model's table, created idempotently under an advisory lock (see goal-declaration's). */
const DDL = `
create schema if not exists result_application;
create table if not exists result_application.result_record (
  stream text primary key,
  category text not null,
  "recordId" text not null,
  "unitId" text not null,
  "fiscalYear" int not null,
  status text not null,
  "dueAt" timestamptz,
  state jsonb not null,
  "publicView" jsonb,
  "updatedAt" timestamptz not null
);
create index if not exists result_record_lists on result_application.result_record (category, status, "fiscalYear", "unitId");
`;

export async function ensureReadModelSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('result_application.read_models'))`);
    await client.query(DDL);
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('result_application.read_models'))`).catch(() => undefined);
    client.release();
  }
}
