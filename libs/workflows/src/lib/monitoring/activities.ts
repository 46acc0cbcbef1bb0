import type { Actor } from '@bpm/contracts';
import type { CorrectiveChoice, MonitoredProject, MonthSchedule } from './types';

// Every input carries `at`, the workflow's time: the domain judges deadlines by it, so a
// retried activity (or a time-skipping test) sees the moment the workflow acted.

export type RecordCorrectiveAnswerInput = Readonly<{
  caseId: string;
  choice: CorrectiveChoice;
  reasons: string;
  actor: Actor;
  correlationId: string;
  at: string;
}>;
/** The case stream's version after the answer. */
export type RecordCorrectiveAnswerResult = Readonly<{ version: number; late: boolean }>;

export type CorrectiveNoticeInput = Readonly<{ caseId: string; projectId: string; unitId: string; dueAt: string; at: string }>;

/**
 * What the corrective-case follow-up asks of the monitoring service (implemented there or in
 * the orchestrator, HTTP to monitoring). A domain refusal is a non-retryable
 * ApplicationFailure whose type is the refusal code and whose message is the Chinese detail
 * (details[0].status: the HTTP status of its problem+json).
 */
export interface CorrectiveCaseActivities {
  /** `AnswerCorrectiveCase` on the case stream. */
  recordCorrectiveAnswer(input: RecordCorrectiveAnswerInput): Promise<RecordCorrectiveAnswerResult>;
  /** `RemindCorrectiveCase`, and notify the unit. Idempotent (the domain ignores a second). */
  sendCorrectiveReminder(input: CorrectiveNoticeInput): Promise<void>;
  /** `EscalateCorrectiveCase`, and notify finance. Idempotent. */
  escalateCorrectiveCase(input: CorrectiveNoticeInput): Promise<void>;
}

export type MonthInput = Readonly<{ region: string; fiscalYear: number; month: number }>;

export type OpenMonthlyReportsInput = MonthInput &
  Readonly<{ dueAt: string; at: string; projects: readonly MonitoredProject[] }>;
export type OpenMonthlyReportsResult = Readonly<{ opened: number; alreadyOpen: number }>;

export type MonthNoticeInput = MonthInput & Readonly<{ dueAt: string; at: string }>;

/**
 * What the monthly cycle asks of the monitoring service. Each must be idempotent: a retry
 * after a lost answer must not open, remind or mark twice (the report decider already
 * refuses a second opening and ignores a second reminder or overdue mark).
 */
export interface MonthlyCycleActivities {
  /** The month's schedule from the region's parameters and calendar (`monthlyReportSchedule`). */
  monthSchedule(input: MonthInput): Promise<MonthSchedule>;
  /**
   * Every project of the region and year with an approved goal; with the department-wide
   * projects when `departmentWide` (the June node).
   */
  listProjectsForMonth(input: MonthInput & Readonly<{ departmentWide: boolean }>): Promise<readonly MonitoredProject[]>;
  /** `OpenMonitoringReport` for each project of the batch (goal indicators, parameters, figures already imported). */
  openMonthlyReports(input: OpenMonthlyReportsInput): Promise<OpenMonthlyReportsResult>;
  /** `RemindMonitoringReport` for the month's reports still owed; returns how many were reminded. */
  remindMonthlyReports(input: MonthNoticeInput): Promise<number>;
  /** `MarkMonitoringReportOverdue` for the month's reports still owed; returns how many. */
  markMonthlyReportsOverdue(input: MonthNoticeInput): Promise<number>;
}
