import { isMonth } from '../execution';
import { validateMonitoringParameters } from '../parameters';
import { Actor, DomainError, conflict, invalid, isBlank, precondition, requireOwningUnit, requireRole, throwFirst } from '../shared';
import { Warning, assessMonth } from '../warnings';
import {
  AcceptMonitoringReport,
  DraftMonitoringReport,
  MarkMonitoringReportOverdue,
  MonitoringReportCommand,
  OpenMonitoringReport,
  ReassessMonitoringWarnings,
  RecordExecutionFigures,
  RemindMonitoringReport,
  ReturnMonitoringReport,
  SubmitMonitoringReport,
} from './commands';
import { MonitoringReportEvent, MonitoringWarningsAssessed } from './events';
import { evolve } from './evolve';
import { contentProblems, figuresFitReport, submissionProblems } from './rules';
import { AWAITING_UNIT, MonitoringReportState, OpenedReportState, Report } from './state';
import { REPORT_KINDS } from './types';

const label = (r: Pick<Report, 'projectId' | 'fiscalYear' | 'month'>) => `项目“${r.projectId}”${r.fiscalYear}年${r.month}月`;

const STATUS_LABELS: Readonly<Record<OpenedReportState['status'], string>> = {
  open: '待填报',
  drafted: '填报中',
  submitted: '已提交待审核',
  returned: '已退回修改',
  accepted: '已审核通过',
};

const opened = (state: MonitoringReportState): OpenedReportState => {
  if (state.status === 'none') throw new DomainError('REPORT_NOT_FOUND', 'not-found', '该月监控报告尚未开放');
  return state;
};

const requireStatus = (state: OpenedReportState, allowed: readonly OpenedReportState['status'][], action: string): void => {
  if (!allowed.includes(state.status)) {
    throw precondition('REPORT_STATUS_INVALID', `${label(state.report)}的监控报告当前为“${STATUS_LABELS[state.status]}”，不能${action}`, 'status');
  }
};

const warningKey = (w: Warning) => `${w.rule}|${w.subject.kind === 'indicator' ? w.subject.indicatorName : ''}|${w.level}`;

/**
 * Recomputes the month's warnings from the official data (imported figures, submitted
 * actuals, parameters); an event only when the warnings or their numbers changed.
 */
const reassess = (
  report: Report,
  basis: MonitoringWarningsAssessed['data']['basis'],
  by: string,
  at: string,
  recorded: Report['parameters'] = report.parameters,
): MonitoringWarningsAssessed[] => {
  const { signals, warnings } = assessMonth({
    month: report.month,
    execution: report.execution?.figures,
    indicators: report.indicators,
    actuals: report.submitted?.indicators ?? [],
    parameters: report.parameters,
  });
  // New parameters are recorded even when today's warnings stay the same: later figures use them.
  const sameParameters = JSON.stringify(recorded) === JSON.stringify(report.parameters);
  if (sameParameters && JSON.stringify(report.warnings) === JSON.stringify(warnings)) return [];
  const before = new Set(report.warnings.map(warningKey));
  const newlyRed = warnings.filter((w) => w.level === 'red' && !before.has(warningKey(w)));
  return [{ type: 'MonitoringWarningsAssessed', data: { basis, parameters: report.parameters, signals, warnings, newlyRed, by, at } }];
};

/** Applies `events` and appends the reassessment they call for. */
const thenReassess = (
  state: MonitoringReportState,
  events: MonitoringReportEvent[],
  basis: MonitoringWarningsAssessed['data']['basis'],
  by: string,
  at: string,
): MonitoringReportEvent[] => {
  const after = events.reduce(evolve, state);
  return after.status === 'none' ? events : [...events, ...reassess(after.report, basis, by, at)];
};

const requireSystemOrFinance = (actor: Actor) => requireRole(actor, 'system', 'finance-reviewer');

const open = ({ data }: OpenMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] => {
  requireSystemOrFinance(data.actor);
  if (state.status !== 'none') throw conflict('REPORT_ALREADY_OPEN', `${label(state.report)}的监控报告已开放`);
  if (!isMonth(data.month)) throw invalid('MONTH_INVALID', `月份“${data.month}”无效，应为1至12`, 'month');
  if (!(REPORT_KINDS as readonly string[]).includes(data.kind)) throw invalid('REPORT_KIND_INVALID', `报告类型“${data.kind}”无效`, 'kind');
  throwFirst(validateMonitoringParameters(data.parameters));
  if (data.parameters.fiscalYear !== data.fiscalYear) {
    throw invalid('PARAMETERS_YEAR_MISMATCH', `参数为${data.parameters.fiscalYear}年度，报告为${data.fiscalYear}年度`, 'parameters.fiscalYear');
  }
  if (data.kind === 'department-wide' && data.month !== data.parameters.departmentWideMonth) {
    throw precondition('DEPARTMENT_WIDE_NOT_AT_NODE', `部门整体绩效监控在${data.parameters.departmentWideMonth}月节点开展，不在${data.month}月`, 'month');
  }
  if (data.indicators.length === 0) {
    throw precondition('GOAL_INDICATORS_REQUIRED', `${label(data)}的批复绩效目标没有绩效指标，无法监控`, 'indicators');
  }
  if (!(Date.parse(data.dueAt) > Date.parse(data.at))) {
    throw invalid('DUE_DATE_INVALID', `报送截止时间“${data.dueAt}”应晚于开放时间“${data.at}”`, 'dueAt');
  }
  const { actor, at, execution, ...rest } = data;
  const openedEvent: MonitoringReportEvent = { type: 'MonitoringReportOpened', data: { ...rest, by: actor.id, at } };
  if (!execution) return [openedEvent];
  throwFirst(figuresFitReport(execution.figures, data));
  return thenReassess(
    state,
    [openedEvent, { type: 'ExecutionFiguresRecorded', data: { ...execution, supersedes: false, by: actor.id, at } }],
    'execution-figures',
    actor.id,
    at,
  );
};

const record = ({ data }: RecordExecutionFigures, state: MonitoringReportState): MonitoringReportEvent[] => {
  requireSystemOrFinance(data.actor);
  const s = opened(state);
  throwFirst(figuresFitReport(data.figures, s.report));
  const current = s.report.execution;
  // The same figures again (a re-sent batch) change nothing.
  if (current && JSON.stringify(current.figures) === JSON.stringify(data.figures)) return [];
  return thenReassess(
    state,
    [{ type: 'ExecutionFiguresRecorded', data: { figures: data.figures, source: data.source, supersedes: current !== undefined, by: data.actor.id, at: data.at } }],
    'execution-figures',
    data.actor.id,
    data.at,
  );
};

const draft = ({ data }: DraftMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] => {
  const s = opened(state);
  requireOwningUnit(data.actor, s.report.unitId);
  requireStatus(s, AWAITING_UNIT, '填报');
  throwFirst(contentProblems(data.content, s.report.indicators));
  return [{ type: 'MonitoringReportDrafted', data: { content: data.content, by: data.actor.id, at: data.at } }];
};

const submit = ({ data }: SubmitMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] => {
  const s = opened(state);
  requireOwningUnit(data.actor, s.report.unitId);
  if (s.status === 'returned') {
    throw precondition('REPORT_NOT_REVISED', `${label(s.report)}的监控报告已退回修改，请按审核意见修改后再提交`, 'status');
  }
  requireStatus(s, ['open', 'drafted'], '提交');
  throwFirst(submissionProblems(s.report, s.report.draft));
  const content = s.report.draft as NonNullable<Report['draft']>;
  const late = Date.parse(data.at) > Date.parse(s.report.dueAt);
  return thenReassess(state, [{ type: 'MonitoringReportSubmitted', data: { content, late, by: data.actor.id, at: data.at } }], 'submission', data.actor.id, data.at);
};

const accept = ({ data }: AcceptMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] => {
  requireRole(data.actor, 'finance-reviewer');
  const s = opened(state);
  requireStatus(s, ['submitted'], '审核');
  return [{ type: 'MonitoringReportAccepted', data: { ...(isBlank(data.comments) ? {} : { comments: data.comments }), by: data.actor.id, at: data.at } }];
};

const returnReport = ({ data }: ReturnMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] => {
  requireRole(data.actor, 'finance-reviewer');
  const s = opened(state);
  requireStatus(s, ['submitted'], '退回');
  if (isBlank(data.comments)) throw invalid('REVIEW_COMMENTS_REQUIRED', '退回修改须填写审核意见', 'comments');
  return [{ type: 'MonitoringReportReturned', data: { comments: data.comments, by: data.actor.id, at: data.at } }];
};

const remind = ({ data }: RemindMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] => {
  requireRole(data.actor, 'system');
  const s = opened(state);
  // Only a report the unit still owes is worth a reminder; others are quietly skipped.
  if (!AWAITING_UNIT.includes(s.status)) return [];
  return [{ type: 'MonitoringReportReminderSent', data: { dueAt: s.report.dueAt, by: data.actor.id, at: data.at } }];
};

const markOverdue = ({ data }: MarkMonitoringReportOverdue, state: MonitoringReportState): MonitoringReportEvent[] => {
  requireRole(data.actor, 'system');
  const s = opened(state);
  if (!AWAITING_UNIT.includes(s.status) || s.report.overdue) return [];
  if (Date.parse(data.at) < Date.parse(s.report.dueAt)) {
    throw precondition('REPORT_NOT_YET_DUE', `${label(s.report)}的监控报告截止时间为${s.report.dueAt}，尚未逾期`, 'at');
  }
  return [{ type: 'MonitoringReportOverdue', data: { dueAt: s.report.dueAt, by: data.actor.id, at: data.at } }];
};

const reassessWith = ({ data }: ReassessMonitoringWarnings, state: MonitoringReportState): MonitoringReportEvent[] => {
  requireRole(data.actor, 'system', 'finance-admin');
  const s = opened(state);
  throwFirst(validateMonitoringParameters(data.parameters));
  const p = data.parameters;
  if (p.region !== s.report.parameters.region || p.fiscalYear !== s.report.fiscalYear) {
    throw invalid('PARAMETERS_MISMATCH', `参数属于${p.region}${p.fiscalYear}年度，不适用于本报告`, 'parameters');
  }
  return reassess({ ...s.report, parameters: p }, 'parameters', data.actor.id, data.at, s.report.parameters);
};

export const decide = (command: MonitoringReportCommand, state: MonitoringReportState): MonitoringReportEvent[] => {
  switch (command.type) {
    case 'OpenMonitoringReport':
      return open(command, state);
    case 'RecordExecutionFigures':
      return record(command, state);
    case 'DraftMonitoringReport':
      return draft(command, state);
    case 'SubmitMonitoringReport':
      return submit(command, state);
    case 'AcceptMonitoringReport':
      return accept(command, state);
    case 'ReturnMonitoringReport':
      return returnReport(command, state);
    case 'RemindMonitoringReport':
      return remind(command, state);
    case 'MarkMonitoringReportOverdue':
      return markOverdue(command, state);
    case 'ReassessMonitoringWarnings':
      return reassessWith(command, state);
  }
};
