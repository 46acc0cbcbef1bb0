import { MonitoringReportEvent } from './events';
import { MonitoringReportState } from './state';

export const evolve = (state: MonitoringReportState, event: MonitoringReportEvent): MonitoringReportState => {
  if (event.type === 'MonitoringReportOpened') {
    const { by, at, ...opened } = event.data;
    void by; // who opened it stays in the event; the report keeps when
    return { status: 'open', report: { ...opened, openedAt: at, warnings: [], overdue: false, remindersSent: 0 } };
  }
  if (state.status === 'none') return state;
  const { report } = state;
  switch (event.type) {
    case 'ExecutionFiguresRecorded':
      return { ...state, report: { ...report, execution: { figures: event.data.figures, source: event.data.source } } };
    case 'MonitoringWarningsAssessed':
      return { ...state, report: { ...report, warnings: event.data.warnings, parameters: event.data.parameters } };
    case 'MonitoringReportDrafted':
      return { status: 'drafted', report: { ...report, draft: event.data.content } };
    case 'MonitoringReportSubmitted':
      return { status: 'submitted', report: { ...report, submitted: event.data.content } };
    case 'MonitoringReportAccepted':
      return { status: 'accepted', report: { ...report, reviewComments: event.data.comments } };
    case 'MonitoringReportReturned':
      return { status: 'returned', report: { ...report, reviewComments: event.data.comments } };
    case 'MonitoringReportReminderSent':
      return { ...state, report: { ...report, remindersSent: report.remindersSent + 1 } };
    case 'MonitoringReportOverdue':
      return { ...state, report: { ...report, overdue: true } };
  }
};
