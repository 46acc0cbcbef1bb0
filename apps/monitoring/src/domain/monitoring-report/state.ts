import { ExecutionFigures } from '../execution';
import { Warning } from '../warnings';
import { MonitoringReportOpened } from './events';
import { FiguresSource, ReportContent } from './types';

export type Report = Readonly<
  Omit<MonitoringReportOpened['data'], 'by' | 'at'> & {
    openedAt: string;
    execution?: Readonly<{ figures: ExecutionFigures; source: FiguresSource }>;
    /** The unit's latest saved content. */
    draft?: ReportContent;
    /** The latest submitted content: the official one. */
    submitted?: ReportContent;
    /** The latest assessed warnings. */
    warnings: readonly Warning[];
    overdue: boolean;
    remindersSent: number;
    reviewComments?: string;
  }
>;

/**
 * open → drafted → submitted → accepted, or returned → drafted → submitted …
 * `overdue` is a mark, not a status: a late report can still be filed.
 */
export type MonitoringReportState =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'open' | 'drafted' | 'submitted' | 'returned' | 'accepted'; report: Report }>;

export type OpenedReportState = Exclude<MonitoringReportState, { status: 'none' }>;

export const initialState = (): MonitoringReportState => ({ status: 'none' });

/** Statuses in which the unit is still expected to file. */
export const AWAITING_UNIT: readonly OpenedReportState['status'][] = ['open', 'drafted', 'returned'];
