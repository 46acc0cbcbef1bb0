import type { Pool } from 'pg';

/**
 * The read models' tables, created idempotently under an advisory lock, so instances starting
 * together never race. Read models are folds: a change of shape is a new table plus a rebuild.
 */
const DDL = `
create schema if not exists evaluation;
create table if not exists evaluation.project_facts (
  "projectId" text primary key,
  "unitId" text not null,
  region text not null,
  "fiscalYear" int not null,
  name text not null,
  budget text not null,
  "projectType" text not null,
  "amountFen" bigint not null,
  "projectEvidence" jsonb not null,
  "goalStatus" text not null,
  "latestDeclaredVersion" int,
  "latestDeclaration" jsonb,
  "latestDeclarationEvidence" jsonb,
  "approvedVersion" int,
  "approvedDeclaration" jsonb,
  "approvedEvidence" jsonb,
  "updatedAt" timestamptz not null
);
create index if not exists project_facts_year_status on evaluation.project_facts ("fiscalYear", "goalStatus");
-- Monitoring's facts stand on their own (keyed by project and year): they may arrive before the
-- project's registration does, since the two topics are consumed independently.
create table if not exists evaluation.execution_fact (
  "projectId" text not null,
  "fiscalYear" int not null,
  month int not null,
  revision int not null,
  "budgetFen" bigint not null,
  "paidFen" bigint not null,
  evidence jsonb not null,
  primary key ("projectId", "fiscalYear")
);
create table if not exists evaluation.indicator_actual_fact (
  "projectId" text not null,
  "fiscalYear" int not null,
  "indicatorName" text not null,
  month int not null,
  actual numeric not null,
  evidence jsonb not null,
  primary key ("projectId", "fiscalYear", "indicatorName")
);
create table if not exists evaluation.self_evaluation_summary (
  "projectId" text primary key,
  "unitId" text not null,
  "fiscalYear" int not null,
  status text not null,
  round int not null,
  total numeric,
  grade text,
  flags jsonb not null default '[]'::jsonb,
  version int not null,
  "updatedAt" timestamptz not null
);
create index if not exists self_evaluation_summary_year_unit on evaluation.self_evaluation_summary ("fiscalYear", "unitId");
create table if not exists evaluation.key_evaluation_summary (
  "projectId" text primary key,
  "unitId" text not null,
  "fiscalYear" int not null,
  name text not null,
  "amountFen" bigint not null,
  status text not null,
  stage text,
  "agencyId" text,
  "expertIds" jsonb not null default '[]'::jsonb,
  total numeric,
  grade text,
  version int not null,
  "updatedAt" timestamptz not null
);
create index if not exists key_evaluation_summary_status on evaluation.key_evaluation_summary (status, "fiscalYear");
create table if not exists evaluation.third_party (
  id text primary key,
  kind text not null,
  name text not null,
  status text not null,
  qualifications jsonb not null,
  fields jsonb not null,
  "linkedUnits" jsonb not null default '[]'::jsonb,
  ratings jsonb not null default '[]'::jsonb,
  version int not null,
  "updatedAt" timestamptz not null
);
`;

export async function ensureReadModelSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('evaluation.read_models'))`);
    await client.query(DDL);
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('evaluation.read_models'))`).catch(() => undefined);
    client.release();
  }
}
