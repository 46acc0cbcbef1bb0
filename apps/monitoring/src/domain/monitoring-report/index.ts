import { Decider } from '../shared';
import { MonitoringReportCommand } from './commands';
import { decide } from './decide';
import { MonitoringReportEvent } from './events';
import { evolve } from './evolve';
import { MonitoringReportState, initialState } from './state';

export * from './types';
export * from './commands';
export * from './events';
export { AWAITING_UNIT, type MonitoringReportState, type OpenedReportState, type Report } from './state';
export * from './rules';
export * from './schedule';
export { decide as decideMonitoringReport, evolve as evolveMonitoringReport };

export const monitoringReportDecider: Decider<MonitoringReportState, MonitoringReportCommand, MonitoringReportEvent> = {
  initialState,
  evolve,
  decide,
};

/** One stream per project and month. */
export const monitoringReportStreamId = (projectId: string, fiscalYear: number, month: number): string =>
  `monitoringReport-${projectId}-${fiscalYear}-${String(month).padStart(2, '0')}`;
