import type { Pool } from 'pg';

/**
 * The read models' tables, created idempotently under an advisory lock, so several instances
 * starting together never race. Read models are folds of events (our own store, or
 * goal-declaration's topic): a change of shape is a new table plus a rebuild, never a migration.
 * Money is integer fen in bigint columns.
 */
const DDL = `
create schema if not exists monitoring;
create table if not exists monitoring.known_project (
  "projectId" text primary key,
  "unitId" text not null,
  region text not null,
  "fiscalYear" int not null,
  name text not null,
  budget text not null,
  "projectType" text not null,
  "budgetFen" bigint not null,
  status text not null,
  "latestDeclaredVersion" int,
  "latestDeclaration" jsonb,
  "approvedVersion" int,
  "approvedDeclaration" jsonb,
  "approvedAt" timestamptz,
  "updatedAt" timestamptz not null
);
create index if not exists known_project_unit_year on monitoring.known_project ("unitId", "fiscalYear");
create table if not exists monitoring.execution_month (
  "projectId" text not null,
  "fiscalYear" int not null,
  month int not null,
  "unitId" text not null,
  "budgetFen" bigint not null,
  "allocatedFen" bigint not null,
  "paidFen" bigint not null,
  "expectedCarryOverFen" bigint not null,
  revision int not null,
  channel text not null,
  "importId" text,
  "recordedAt" timestamptz not null,
  primary key ("projectId", "fiscalYear", month)
);
create index if not exists execution_month_unit_year on monitoring.execution_month ("unitId", "fiscalYear");
create table if not exists monitoring.execution_import (
  "importId" text primary key,
  channel text not null,
  "fileName" text,
  "rowCount" int not null,
  "recordedCount" int not null,
  "unchangedCount" int not null,
  "unknownProjects" jsonb not null,
  "importedBy" text not null,
  "importedAt" timestamptz not null
);
create table if not exists monitoring.monitoring_report (
  "projectId" text not null,
  "fiscalYear" int not null,
  month int not null,
  "unitId" text not null,
  kind text not null,
  status text not null,
  "dueAt" timestamptz not null,
  overdue boolean not null default false,
  late boolean not null default false,
  level text not null default 'green',
  warnings jsonb not null default '[]',
  signals jsonb not null default '[]',
  "updatedAt" timestamptz not null,
  primary key ("projectId", "fiscalYear", month)
);
create index if not exists monitoring_report_year_level on monitoring.monitoring_report ("fiscalYear", level, "unitId");
create table if not exists monitoring.corrective_case (
  "caseId" text primary key,
  "projectId" text not null,
  "unitId" text not null,
  "fiscalYear" int not null,
  month int not null,
  status text not null,
  warning jsonb not null,
  "dueAt" timestamptz not null,
  choice text,
  late boolean not null default false,
  allocation text not null default 'allowed',
  "updatedAt" timestamptz not null
);
create index if not exists corrective_case_project on monitoring.corrective_case ("projectId");
create index if not exists corrective_case_unit_year on monitoring.corrective_case ("unitId", "fiscalYear");
`;

export async function ensureReadModelSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('monitoring.read_models'))`);
    await client.query(DDL);
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('monitoring.read_models'))`).catch(() => undefined);
    client.release();
  }
}
