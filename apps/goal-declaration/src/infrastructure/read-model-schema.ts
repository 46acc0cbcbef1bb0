import type { Pool } from 'pg';

/**
 * The read models' tables, created idempotently under an advisory lock, so several instances
 * starting together (a cluster, or parallel test workers) never race. Read models are folds of
 * the event store: a change of shape is a new table plus a rebuild, never an in-place migration.
 */
const DDL = `
create schema if not exists goal_declaration;
create table if not exists goal_declaration.goal_summary (
  "projectId" text primary key,
  "unitId" text not null,
  "fiscalYear" int not null,
  name text not null,
  budget text not null,
  "projectType" text not null,
  amount numeric not null,
  status text not null,
  version int not null,
  "reviewRound" int not null,
  rating text,
  "updatedAt" timestamptz not null
);
create index if not exists goal_summary_unit_year_status on goal_declaration.goal_summary ("unitId", "fiscalYear", status);
create table if not exists goal_declaration.review_task (
  "taskId" text primary key,
  "projectId" text not null,
  "unitId" text not null,
  "fiscalYear" int not null,
  "projectName" text not null,
  "reviewRound" int not null,
  submission int not null,
  version int not null,
  "isAdjustment" boolean not null,
  status text not null,
  "submittedAt" timestamptz not null,
  "dueAt" timestamptz not null,
  "reminderSent" boolean not null default false,
  overdue boolean not null default false,
  outcome text
);
create index if not exists review_task_status_year_unit on goal_declaration.review_task (status, "fiscalYear", "unitId");
create table if not exists goal_declaration.allocation_restriction (
  "caseId" text primary key,
  "projectId" text not null,
  mode text not null,
  reason text not null,
  since timestamptz not null
);
create index if not exists allocation_restriction_project on goal_declaration.allocation_restriction ("projectId");
`;

export async function ensureReadModelSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('goal_declaration.read_models'))`);
    await client.query(DDL);
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('goal_declaration.read_models'))`).catch(() => undefined);
    client.release();
  }
}
