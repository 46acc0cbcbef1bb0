/**
 * Monitoring (绩效运行监控): the payloads its workflows, their activities and their callers
 * share. Plain data only; part of the workflow bundle, so nothing here does I/O.
 */
import type { Actor } from '@bpm/contracts';

// ── Corrective case follow-up (纠偏) ────────────────────────────────────────────────

/** 继续 / 调剂 / 取消 */
export type CorrectiveChoice = 'continue' | 'reallocate' | 'cancel';
/** 暂缓拨款 / 停止拨款 */
export type RestrictionMode = 'suspend' | 'stop';

/**
 * Starts one follow-up per case. `dueAt` and `remindAt` come from the case's
 * `CorrectiveCaseOpened` event: the monitoring domain computed them in Chinese working days
 * with the region's calendar (`correctiveSchedule`), so this workflow needs no calendar and a
 * later calendar update never moves a running case.
 */
export type CorrectiveFollowUpInput = Readonly<{
  caseId: string;
  projectId: string;
  unitId: string;
  fiscalYear: number;
  /** ISO instant: end of the last working day of the answer window. */
  dueAt: string;
  /** ISO instant of the reminder; absent for none. */
  remindAt?: string;
}>;

export type CorrectiveFollowUpStatus = 'awaiting-answer' | 'escalated' | 'answered' | 'finance-decided';

/** The case as the unit's and finance's inboxes show it (query `correctiveCase`). */
export type CorrectiveFollowUp = Readonly<{
  caseId: string;
  projectId: string;
  unitId: string;
  fiscalYear: number;
  status: CorrectiveFollowUpStatus;
  dueAt: string;
  remindAt?: string;
  reminderSent: boolean;
  escalatedAt?: string;
  answer?: Readonly<{ choice: CorrectiveChoice; answeredBy: string; answeredAt: string; late: boolean; caseVersion: number }>;
  financeDecision?: FinanceDecision;
}>;

/** The `answer` update's argument. Choice and reasons are checked by the monitoring domain. */
export type CorrectiveAnswer = Readonly<{
  choice: CorrectiveChoice;
  reasons: string;
  actor: Actor;
  correlationId: string;
}>;

export type CorrectiveAnswerResult = Readonly<{ followUp: CorrectiveFollowUp; caseVersion: number }>;

/** The `financeDecided` signal: finance suspended or stopped the allocation (from the event bridge). */
export type FinanceDecision = Readonly<{ mode: RestrictionMode; decidedBy: string; decidedAt: string }>;

export const correctiveFollowUpWorkflowId = (caseId: string): string => `corrective-case-${caseId}`;

// ── The monthly cycle (每月监控) ──────────────────────────────────────────────────────

/**
 * One workflow per region and fiscal year; each run handles one month and continues as new
 * with the next, so a county's 1,000 projects never make one long history.
 */
export type MonthlyCycleInput = Readonly<{
  region: string;
  fiscalYear: number;
  /** The month whose report this run opens (1 for a new year; later when started mid-year). */
  month: number;
  /** Summaries of the months already done (carried across continue-as-new). */
  done?: readonly MonthSummary[];
}>;

/** When the month's reports open, are reminded and fall due (computed by the service). */
export type MonthSchedule = Readonly<{
  /** ISO instants. */
  opensAt: string;
  remindAt?: string;
  dueAt: string;
  /** The department-wide (部门整体) reports open this month too (the June node). */
  departmentWide: boolean;
}>;

/** A project with an approved goal for the year. */
export type MonitoredProject = Readonly<{ projectId: string; unitId: string; kind: 'project' | 'department-wide' }>;

export type MonthPhase = 'scheduling' | 'waiting-to-open' | 'open' | 'reminded' | 'closed';

export type MonthSummary = Readonly<{
  month: number;
  opened: number;
  alreadyOpen: number;
  reminded: number;
  overdue: number;
}>;

/** The cycle as the admin sees it (query `monthlyCycle`). */
export type MonthlyCycleStatus = Readonly<{
  region: string;
  fiscalYear: number;
  month: number;
  phase: MonthPhase;
  schedule?: MonthSchedule;
  current: MonthSummary;
  done: readonly MonthSummary[];
}>;

export const monthlyCycleWorkflowId = (region: string, fiscalYear: number): string => `monitoring-cycle-${region}-${fiscalYear}`;
