import { ExecutionFigures } from '../execution';
import { MonitoringParameters } from '../parameters';
import { Event, Timestamp } from '../shared';
import { MonitoredIndicator, Signal, Warning } from '../warnings';
import { FiguresSource, ReportContent, ReportKind } from './types';

type By = { by: string; at: Timestamp };

export type MonitoringReportOpened = Event<
  'MonitoringReportOpened',
  By & {
    projectId: string;
    unitId: string;
    fiscalYear: number;
    month: number;
    kind: ReportKind;
    goalVersion: number;
    indicators: readonly MonitoredIndicator[];
    dueAt: Timestamp;
    parameters: MonitoringParameters;
  }
>;

export type ExecutionFiguresRecorded = Event<
  'ExecutionFiguresRecorded',
  By & { figures: ExecutionFigures; source: FiguresSource; supersedes: boolean }
>;

/**
 * The month's signals, recomputed after new figures, a submission or new parameters; only
 * recorded when the warnings change. `newlyRed` are red warnings the previous assessment did
 * not have: each opens a corrective case.
 */
export type MonitoringWarningsAssessed = Event<
  'MonitoringWarningsAssessed',
  By & {
    basis: 'execution-figures' | 'submission' | 'parameters';
    parameters: MonitoringParameters;
    signals: readonly Signal[];
    warnings: readonly Warning[];
    newlyRed: readonly Warning[];
  }
>;

export type MonitoringReportDrafted = Event<'MonitoringReportDrafted', By & { content: ReportContent }>;
export type MonitoringReportSubmitted = Event<'MonitoringReportSubmitted', By & { content: ReportContent; late: boolean }>;
export type MonitoringReportAccepted = Event<'MonitoringReportAccepted', By & { comments?: string }>;
export type MonitoringReportReturned = Event<'MonitoringReportReturned', By & { comments: string }>;
export type MonitoringReportReminderSent = Event<'MonitoringReportReminderSent', By & { dueAt: Timestamp }>;
export type MonitoringReportOverdue = Event<'MonitoringReportOverdue', By & { dueAt: Timestamp }>;

export type MonitoringReportEvent =
  | MonitoringReportOpened
  | ExecutionFiguresRecorded
  | MonitoringWarningsAssessed
  | MonitoringReportDrafted
  | MonitoringReportSubmitted
  | MonitoringReportAccepted
  | MonitoringReportReturned
  | MonitoringReportReminderSent
  | MonitoringReportOverdue;
