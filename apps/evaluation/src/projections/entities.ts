import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Evidence } from '../domain';

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };
const bigintFen = { to: (v: number) => v, from: (v: string) => Number(v) };


/** What other contexts told us about a project (their events on Kafka), each fact with the event behind it. */
@Entity({ name: 'project_facts', schema: 'evaluation' })
export class ProjectFacts {
  @PrimaryColumn('text') projectId!: string;
  @Column('text') unitId!: string;
  @Column('text') region!: string;
  @Column('int') fiscalYear!: number;
  @Column('text') name!: string;
  @Column('text') budget!: string;
  @Column('text') projectType!: string;
  @Column('bigint', { transformer: bigintFen }) amountFen!: number;
  @Column('jsonb') projectEvidence!: Evidence;
  @Column('text') goalStatus!: string;
  @Column('int', { nullable: true }) latestDeclaredVersion!: number | null;
  @Column('jsonb', { nullable: true }) latestDeclaration!: unknown;
  @Column('jsonb', { nullable: true }) latestDeclarationEvidence!: Evidence | null;
  @Column('int', { nullable: true }) approvedVersion!: number | null;
  @Column('jsonb', { nullable: true }) approvedDeclaration!: unknown;
  /** The GoalDeclared of the approved version and the GoalApproved itself. */
  @Column('jsonb', { nullable: true }) approvedEvidence!: Evidence[] | null;
  @Column('timestamptz') updatedAt!: Date;
}

/** Paid to date (the latest month in force) from monitoring's execution ledger. */
@Entity({ name: 'execution_fact', schema: 'evaluation' })
export class ExecutionFact {
  @PrimaryColumn('text') projectId!: string;
  @PrimaryColumn('int') fiscalYear!: number;
  @Column('int') month!: number;
  @Column('int') revision!: number;
  @Column('bigint', { transformer: bigintFen }) budgetFen!: number;
  @Column('bigint', { transformer: bigintFen }) paidFen!: number;
  @Column('jsonb') evidence!: Evidence;
}

/** Each indicator's last monitored actual (the latest month's submitted report). */
@Entity({ name: 'indicator_actual_fact', schema: 'evaluation' })
export class IndicatorActualFact {
  @PrimaryColumn('text') projectId!: string;
  @PrimaryColumn('int') fiscalYear!: number;
  @PrimaryColumn('text') indicatorName!: string;
  @Column('int') month!: number;
  @Column('numeric', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) actual!: number;
  @Column('jsonb') evidence!: Evidence;
}

@Entity({ name: 'self_evaluation_summary', schema: 'evaluation' })
export class SelfEvaluationSummary {
  @PrimaryColumn('text') projectId!: string;
  @Column('text') unitId!: string;
  @Column('int') fiscalYear!: number;
  @Column('text') status!: string;
  @Column('int') round!: number;
  @Column('numeric', { nullable: true, transformer: numeric }) total!: number | null;
  @Column('text', { nullable: true }) grade!: string | null;
  @Column('jsonb') flags!: object[];
  @Column('int') version!: number;
  @Column('timestamptz') updatedAt!: Date;
}

@Entity({ name: 'key_evaluation_summary', schema: 'evaluation' })
export class KeyEvaluationSummary {
  @PrimaryColumn('text') projectId!: string;
  @Column('text') unitId!: string;
  @Column('int') fiscalYear!: number;
  @Column('text') name!: string;
  @Column('bigint', { transformer: bigintFen }) amountFen!: number;
  @Column('text') status!: string;
  @Column('text', { nullable: true }) stage!: string | null;
  @Column('text', { nullable: true }) agencyId!: string | null;
  @Column('jsonb') expertIds!: string[];
  @Column('numeric', { nullable: true, transformer: numeric }) total!: number | null;
  @Column('text', { nullable: true }) grade!: string | null;
  @Column('int') version!: number;
  @Column('timestamptz') updatedAt!: Date;
}

@Entity({ name: 'third_party', schema: 'evaluation' })
export class ThirdPartyEntry {
  @PrimaryColumn('text') id!: string;
  @Column('text') kind!: string;
  @Column('text') name!: string;
  @Column('text') status!: string;
  @Column('jsonb') qualifications!: string[];
  @Column('jsonb') fields!: string[];
  @Column('jsonb') linkedUnits!: string[];
  @Column('jsonb') ratings!: { evaluationId: string; score: number; comment: string; at: string }[];
  @Column('int') version!: number;
  @Column('timestamptz') updatedAt!: Date;
}

export const ENTITIES = [ProjectFacts, ExecutionFact, IndicatorActualFact, SelfEvaluationSummary, KeyEvaluationSummary, ThirdPartyEntry];
