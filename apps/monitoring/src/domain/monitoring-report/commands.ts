import { ExecutionFigures } from '../execution';
import { MonitoringParameters } from '../parameters';
import { Actor, Command, Timestamp } from '../shared';
import { MonitoredIndicator } from '../warnings';
import { FiguresSource, ReportContent, ReportKind } from './types';

type By = { actor: Actor; at: Timestamp };

/**
 * Stream: `monitoringReport-<projectId>-<fiscalYear>-<MM>`. Opened by the monthly cycle for a
 * project with an approved goal; carries the goal's indicators and the region's parameters.
 */
export type OpenMonitoringReport = Command<
  'OpenMonitoringReport',
  By & {
    projectId: string;
    unitId: string;
    fiscalYear: number;
    month: number;
    kind: ReportKind;
    /** The approved goal version the indicators come from. */
    goalVersion: number;
    indicators: readonly MonitoredIndicator[];
    /** ISO instant; computed by the cycle from the parameters and the region's calendar. */
    dueAt: Timestamp;
    parameters: MonitoringParameters;
    /** The month's figures when already imported. */
    execution?: { figures: ExecutionFigures; source: FiguresSource };
  }
>;

/** From an import (file, API or manual entry): supersedes earlier figures for the month. */
export type RecordExecutionFigures = Command<'RecordExecutionFigures', By & { figures: ExecutionFigures; source: FiguresSource }>;

/** The unit saves its report (may be incomplete). */
export type DraftMonitoringReport = Command<'DraftMonitoringReport', By & { content: ReportContent }>;

/** The unit submits its latest draft; it must be complete. */
export type SubmitMonitoringReport = Command<'SubmitMonitoringReport', By>;

export type AcceptMonitoringReport = Command<'AcceptMonitoringReport', By & { comments?: string }>;
export type ReturnMonitoringReport = Command<'ReturnMonitoringReport', By & { comments: string }>;

export type RemindMonitoringReport = Command<'RemindMonitoringReport', By>;
export type MarkMonitoringReportOverdue = Command<'MarkMonitoringReportOverdue', By>;

/** The region's parameters changed: warnings are recomputed (new events only if they change). */
export type ReassessMonitoringWarnings = Command<'ReassessMonitoringWarnings', By & { parameters: MonitoringParameters }>;

export type MonitoringReportCommand =
  | OpenMonitoringReport
  | RecordExecutionFigures
  | DraftMonitoringReport
  | SubmitMonitoringReport
  | AcceptMonitoringReport
  | ReturnMonitoringReport
  | RemindMonitoringReport
  | MarkMonitoringReportOverdue
  | ReassessMonitoringWarnings;
