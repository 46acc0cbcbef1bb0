import type { Actor } from '@bpm/contracts';
import type { ActivePhase, PhaseEventType, StageOutcome } from './types';

/** One phase event for the `annualCycle-<region>-<year>` stream. */
export type RecordCycleEventInput = Readonly<{
  region: string;
  fiscalYear: number;
  /** The stream's version before this event: a retried append finds its own event, not a conflict. */
  expectedVersion: number;
  /** Made by the workflow (deterministic), so a retried append is recognised. */
  eventId: string;
  type: PhaseEventType;
  data: Readonly<Record<string, unknown>>;
  actor: Actor;
  correlationId: string;
}>;
export type RecordCycleEventResult = Readonly<{ version: number }>;

/** What a stage is asked to do on entering its phase. `at` is the workflow's time. */
export type StageInput = Readonly<{ region: string; fiscalYear: number; phase: ActivePhase; deadline: string; at: string; correlationId: string }>;

/**
 * What the annual cycle asks of the platform. Each stage call starts (or opens) its stage and
 * answers a `StageOutcome`: `not-available` when the stage is not built yet (a seam the cycle
 * records as a phase event and then runs on by the calendar). Each must be idempotent: the
 * cycle retries them, and a continue-as-new never repeats one it saw answered.
 */
export interface AnnualCycleActivities {
  /** Appends one event to the cycle's stream (the orchestrator owns the `annualCycle` category). */
  recordCycleEvent(input: RecordCycleEventInput): Promise<RecordCycleEventResult>;
  /** 绩效目标申报: open the declaration window (goal-declaration). */
  openDeclarationWindow(input: StageInput): Promise<StageOutcome>;
  /** 预算批复: issue the budget with its approved goals ("no goals, no money"). */
  issueBudgetWithApprovedGoals(input: StageInput): Promise<StageOutcome>;
  /**
   * 绩效运行监控: whether the monthly monitoring cycle can run here. On `started` the cycle
   * starts `monthlyMonitoringCycle` as its child workflow (monitoring's own workflow).
   */
  startMonitoringCycle(input: StageInput): Promise<StageOutcome>;
  /** 单位自评: open every project's self-evaluation (evaluation). */
  openSelfEvaluations(input: StageInput): Promise<StageOutcome>;
  /** 重点评价: start the key evaluations selected by finance (evaluation). */
  startKeyEvaluations(input: StageInput): Promise<StageOutcome>;
  /** 结果应用: issue result notices with rectification requirements (result application). */
  issueResultNotices(input: StageInput): Promise<StageOutcome>;
  /** 公开: publish approved goals and evaluation results. */
  publishDisclosures(input: StageInput): Promise<StageOutcome>;
  /** 下年度预算: propose next year's budget from the grades. */
  proposeNextYearBudget(input: StageInput): Promise<StageOutcome>;
}

/** The activity each phase calls on entry; phases without one run by the calendar alone. */
export const STAGE_ACTIVITY: Readonly<Partial<Record<ActivePhase, Exclude<keyof AnnualCycleActivities, 'recordCycleEvent'>>>> = {
  'goal-declaration': 'openDeclarationWindow',
  'budget-issue': 'issueBudgetWithApprovedGoals',
  monitoring: 'startMonitoringCycle',
  'self-evaluation': 'openSelfEvaluations',
  'key-evaluation': 'startKeyEvaluations',
  'result-application': 'issueResultNotices',
  disclosure: 'publishDisclosures',
  'next-year-budget': 'proposeNextYearBudget',
};
