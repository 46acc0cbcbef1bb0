import { describe, expect, it } from '@jest/globals';
import { ExecutionFigures } from '../execution';
import { resolveMonitoringParameters } from '../parameters';
import { Actor } from '../shared';
import { deciderSpec, stateAfter } from '../shared/testing/decider-spec';
import { MonitoredIndicator, assessMonth } from '../warnings';
import {
  FiguresSource,
  IndicatorProgress,
  MonitoringReportCommand,
  MonitoringReportEvent,
  ReportContent,
  monitoringReportDecider,
  monitoringReportStreamId,
} from './index';

const spec = deciderSpec(monitoringReportDecider);
const system: Actor = { id: 'monthly-cycle', role: 'system' };
const unit: Actor = { id: 'u-edu-1', role: 'unit', unit: 'edu-bureau' };
const otherUnit: Actor = { id: 'u-health-1', role: 'unit', unit: 'health-bureau' };
const reviewer: Actor = { id: 'f-rev-1', role: 'finance-reviewer' };
const parameters = resolveMonitoringParameters('示例县', 2026);
const openedAt = '2026-07-01T01:00:00.000Z';
const dueAt = '2026-07-10T15:59:59.999Z';
const at = '2026-07-06T02:00:00.000Z';

const schools: MonitoredIndicator = { name: '改造学校数量', direction: '>=', unitOfMeasure: '所', annualTarget: 24, accumulation: 'cumulative' };
const safety: MonitoredIndicator = { name: '校舍安全状况', direction: 'qualitative', annualTarget: '消除D级危房', accumulation: 'latest' };
const indicators = [schools, safety];

const figures = (paid: number, extra: Partial<ExecutionFigures> = {}): ExecutionFigures => ({
  projectId: 'P-1',
  fiscalYear: 2026,
  month: 6,
  budget: 100_000_000,
  allocated: 80_000_000,
  paid,
  expectedCarryOver: 0,
  ...extra,
});
const source: FiguresSource = { importId: 'imp-1', contentHash: 'sha256-abc', channel: 'file' };

const openData = { projectId: 'P-1', unitId: 'edu-bureau', fiscalYear: 2026, month: 6, kind: 'project' as const, goalVersion: 3, indicators, dueAt, parameters };
const open = (extra: object = {}, actor: Actor = system): MonitoringReportCommand => ({ type: 'OpenMonitoringReport', data: { ...openData, actor, at: openedAt, ...extra } });
const opened: MonitoringReportEvent = { type: 'MonitoringReportOpened', data: { ...openData, by: system.id, at: openedAt } };
const recorded = (f: ExecutionFigures, supersedes = false, s: FiguresSource = source): MonitoringReportEvent => ({
  type: 'ExecutionFiguresRecorded',
  data: { figures: f, source: s, supersedes, by: system.id, at: openedAt },
});
/** The assessment event the decider must produce for these inputs (its rules are tested in warnings.spec). */
const assessed = (
  f: ExecutionFigures | undefined,
  actuals: readonly IndicatorProgress[],
  basis: 'execution-figures' | 'submission' | 'parameters',
  newlyRedRules: string[],
  by = system.id,
  when = openedAt,
  p = parameters,
): MonitoringReportEvent => {
  const { signals, warnings } = assessMonth({ month: 6, execution: f, indicators, actuals, parameters: p });
  return {
    type: 'MonitoringWarningsAssessed',
    data: { basis, parameters: p, signals, warnings, newlyRed: warnings.filter((w) => w.level === 'red' && newlyRedRules.includes(w.rule)), by, at: when },
  };
};

const onTrack: ReportContent = {
  indicators: [
    { indicatorName: '改造学校数量', actual: 12, likelihood: 'certain' },
    { indicatorName: '校舍安全状况', actual: '已完成排查', likelihood: 'certain' },
  ],
};
const lagging: ReportContent = {
  indicators: [
    { indicatorName: '改造学校数量', actual: 6, likelihood: 'possible', deviation: { cause: 'funding', explanation: '上级资金未到位', measure: '协调资金7月到位' } },
    { indicatorName: '校舍安全状况', actual: '已完成排查', likelihood: 'certain' },
  ],
  executionDeviation: { cause: 'institutional', explanation: '政府采购流程未完成', measure: '8月完成采购并支付' },
};
const drafted = (content: ReportContent, when = at): MonitoringReportEvent => ({ type: 'MonitoringReportDrafted', data: { content, by: unit.id, at: when } });
const draft = (content: ReportContent, actor: Actor = unit): MonitoringReportCommand => ({ type: 'DraftMonitoringReport', data: { content, actor, at } });
const submit = (actor: Actor = unit, when = at): MonitoringReportCommand => ({ type: 'SubmitMonitoringReport', data: { actor, at: when } });
const submitted = (content: ReportContent, late = false, when = at): MonitoringReportEvent => ({ type: 'MonitoringReportSubmitted', data: { content, late, by: unit.id, at: when } });
const greenFigures = figures(50_000_000);
const redFigures = figures(25_000_000);

describe('monitoring report › opening', () => {
  it('opens for a project with its approved indicators and due date', () => spec.given([]).when(open()).then([opened]));

  it('opens with the month’s figures already imported, and assesses them', () =>
    spec.given([]).when(open({ execution: { figures: redFigures, source } })).then([opened, recorded(redFigures), assessed(redFigures, [], 'execution-figures', ['execution-ratio'])]));

  it('opens the department-wide report only at the June node', () => {
    spec.given([]).when(open({ kind: 'department-wide' })).then([{ ...opened, data: { ...opened.data, kind: 'department-wide' } } as MonitoringReportEvent]);
    spec.given([]).when(open({ kind: 'department-wide', month: 5 })).thenThrows('DEPARTMENT_WIDE_NOT_AT_NODE', { kind: 'precondition', message: '部门整体绩效监控在6月节点开展，不在5月' });
  });

  it.each([
    ['a unit user', { }, unit, 'FORBIDDEN', 'forbidden'],
    ['month 13', { month: 13 }, system, 'MONTH_INVALID', 'invalid'],
    ['no indicators', { indicators: [] }, system, 'GOAL_INDICATORS_REQUIRED', 'precondition'],
    ['a due date before opening', { dueAt: '2026-06-30T00:00:00.000Z' }, system, 'DUE_DATE_INVALID', 'invalid'],
    ['another year’s parameters', { parameters: { ...parameters, fiscalYear: 2025 } }, system, 'PARAMETERS_YEAR_MISMATCH', 'invalid'],
    ['invalid parameters', { parameters: { ...parameters, targetTooLowPercent: 80 } }, system, 'PARAMETER_INVALID', 'invalid'],
    ['figures of another month', { execution: { figures: figures(1, { month: 5 }), source } }, system, 'FIGURES_REPORT_MISMATCH', 'invalid'],
  ] as const)('refuses %s', (_, extra, actor, code, kind) => spec.given([]).when(open(extra, actor)).thenThrows(code, { kind }));

  it('refuses opening twice', () => spec.given([opened]).when(open()).thenThrows('REPORT_ALREADY_OPEN', { kind: 'conflict' }));
  it('names the stream per project and month', () => expect(monitoringReportStreamId('P-1', 2026, 6)).toBe('monitoringReport-P-1-2026-06'));
});

describe('monitoring report › execution figures come from the import', () => {
  const record = (f: ExecutionFigures, s: FiguresSource = source): MonitoringReportCommand => ({ type: 'RecordExecutionFigures', data: { figures: f, source: s, actor: system, at: openedAt } });

  it('records imported figures and raises a red warning with its numbers', () => {
    spec.given([opened]).when(record(redFigures)).then([recorded(redFigures), assessed(redFigures, [], 'execution-figures', ['execution-ratio'])]);
    const event = monitoringReportDecider.decide(record(redFigures), stateAfter(monitoringReportDecider, [opened]))[1];
    expect(event?.type === 'MonitoringWarningsAssessed' && event.data.newlyRed.map((w) => w.explanation)).toEqual(['执行率25.0%÷时间进度50.0%=50.0%，低于红色阈值60%']);
  });

  it('records green figures without a warning event when nothing changes', () =>
    spec.given([opened]).when(record(greenFigures)).then([recorded(greenFigures)]));

  it('a corrected import supersedes the earlier figures, as new events, and clears the warning', () => {
    const corrected = { ...source, importId: 'imp-2', contentHash: 'sha256-def' };
    spec
      .given([opened, recorded(redFigures), assessed(redFigures, [], 'execution-figures', ['execution-ratio'])])
      .when(record(greenFigures, corrected))
      .then([recorded(greenFigures, true, corrected), assessed(greenFigures, [], 'execution-figures', [])]);
  });

  it('the same figures again change nothing', () => spec.given([opened, recorded(greenFigures)]).when(record(greenFigures)).thenNothing());

  it('refuses invalid figures, naming the field', () =>
    spec.given([opened]).when(record(figures(90_000_000))).thenThrows('PAID_EXCEEDS_ALLOCATED', { kind: 'invalid', field: 'figures.paid' }));
  it('refuses figures before the report exists', () => spec.given([]).when(record(greenFigures)).thenThrows('REPORT_NOT_FOUND', { kind: 'not-found' }));
  it('refuses a unit typing figures', () =>
    spec.given([opened]).when({ type: 'RecordExecutionFigures', data: { figures: greenFigures, source, actor: unit, at } }).thenThrows('FORBIDDEN'));
});

describe('monitoring report › the unit drafts and submits', () => {
  it('saves an incomplete draft', () => {
    const partial: ReportContent = { indicators: [{ indicatorName: '改造学校数量', actual: 12, likelihood: 'certain' }] };
    spec.given([opened]).when(draft(partial)).then([drafted(partial)]);
  });

  it.each([
    ['another unit', draft(onTrack, otherUnit), 'NOT_OWNING_UNIT', 'actor.unit'],
    ['an unknown indicator', draft({ indicators: [{ indicatorName: '培训人次', actual: 1, likelihood: 'certain' }] }), 'INDICATOR_UNKNOWN', 'content.indicators[0].indicatorName'],
    ['a text actual for a quantitative indicator', draft({ indicators: [{ indicatorName: '改造学校数量', actual: '六所', likelihood: 'certain' }] }), 'ACTUAL_INVALID', 'content.indicators[0].actual'],
    ['a blank qualitative actual', draft({ indicators: [{ indicatorName: '校舍安全状况', actual: ' ', likelihood: 'certain' }] }), 'ACTUAL_INVALID', 'content.indicators[0].actual'],
    ['an unknown likelihood', draft({ indicators: [{ indicatorName: '改造学校数量', actual: 1, likelihood: 'maybe' as never }] }), 'LIKELIHOOD_INVALID', 'content.indicators[0].likelihood'],
    ['an unknown cause', draft({ indicators: [{ indicatorName: '改造学校数量', actual: 1, likelihood: 'possible', deviation: { cause: '天气' as never, explanation: 'x', measure: 'y' } }] }), 'DEVIATION_CAUSE_INVALID', 'content.indicators[0].deviation.cause'],
    ['a duplicate line', draft({ indicators: [onTrack.indicators[0], onTrack.indicators[0]!] }), 'INDICATOR_DUPLICATE', 'content.indicators[1].indicatorName'],
  ] as const)('refuses a draft by/with %s', (_, command, code, field) => spec.given([opened]).when(command).thenThrows(code, { field }));

  it('submits a complete report on time; nothing deviates, no warning event', () =>
    spec.given([opened, recorded(greenFigures), drafted(onTrack)]).when(submit()).then([submitted(onTrack)]));

  it('submits a lagging report with its causes and measures, and warns', () =>
    spec
      .given([opened, recorded(redFigures), assessed(redFigures, [], 'execution-figures', ['execution-ratio']), drafted(lagging)])
      .when(submit())
      .then([submitted(lagging), assessed(redFigures, lagging.indicators, 'submission', ['indicator-prorated'], unit.id, at)]));

  it('marks a submission after the due date as late', () =>
    spec.given([opened, recorded(greenFigures), drafted(onTrack)]).when(submit(unit, '2026-07-11T01:00:00.000Z')).then([submitted(onTrack, true, '2026-07-11T01:00:00.000Z')]));

  it('refuses submitting before the figures are imported (they are never typed)', () =>
    spec.given([opened, drafted(onTrack)]).when(submit()).thenThrows('EXECUTION_FIGURES_MISSING', { kind: 'precondition', message: '项目“P-1”6月的预算执行数据尚未导入，暂不能提交监控报告' }));

  it('refuses submitting without a draft', () => spec.given([opened, recorded(greenFigures)]).when(submit()).thenThrows('REPORT_NOT_DRAFTED'));

  it('refuses submitting with an indicator missing', () =>
    spec
      .given([opened, recorded(greenFigures), drafted({ indicators: [onTrack.indicators[0]!] })])
      .when(submit())
      .thenThrows('INDICATOR_NOT_REPORTED', { message: '指标“校舍安全状况”未填报累计完成值和完成可能性' }));

  it('requires a cause and measure for an execution deviation', () =>
    spec
      .given([opened, recorded(redFigures), drafted(onTrack)])
      .when(submit())
      .thenThrows('DEVIATION_REQUIRED', {
        field: 'content.executionDeviation',
        message: '预算执行存在偏差（执行率25.0%÷时间进度50.0%=50.0%，低于红色阈值60%），须填写偏差原因、原因说明和改进措施',
      }));

  it('requires a cause for an indicator behind its prorated target', () => {
    const noCause: ReportContent = { indicators: [{ ...lagging.indicators[0], deviation: undefined }, lagging.indicators[1]!] };
    spec
      .given([opened, recorded(greenFigures), drafted(noCause)])
      .when(submit())
      .thenThrows('DEVIATION_REQUIRED', { field: 'content.indicators[0].deviation', message: /累计完成6所÷序时目标/ });
  });

  it('requires a measure when the likelihood is short of 确定能, even on track', () => {
    const doubtful: ReportContent = {
      indicators: [{ indicatorName: '改造学校数量', actual: 12, likelihood: 'possible', deviation: { cause: 'staffing', explanation: '施工人员不足', measure: ' ' } }, onTrack.indicators[1]!],
    };
    spec.given([opened, recorded(greenFigures), drafted(doubtful)]).when(submit()).thenThrows('DEVIATION_MEASURE_REQUIRED', { field: 'content.indicators[0].deviation.measure' });
  });

  it('refuses another unit submitting', () => spec.given([opened, recorded(greenFigures), drafted(onTrack)]).when(submit(otherUnit)).thenThrows('NOT_OWNING_UNIT', { kind: 'forbidden' }));
});

describe('monitoring report › finance reviews it (like goals)', () => {
  const filed = [opened, recorded(greenFigures), drafted(onTrack), submitted(onTrack)];
  const returned: MonitoringReportEvent = { type: 'MonitoringReportReturned', data: { comments: '请补充整改措施', by: reviewer.id, at } };

  it('accepts', () =>
    spec.given(filed).when({ type: 'AcceptMonitoringReport', data: { actor: reviewer, at, comments: '同意' } }).then([{ type: 'MonitoringReportAccepted', data: { comments: '同意', by: reviewer.id, at } }]));
  it('returns with comments', () => spec.given(filed).when({ type: 'ReturnMonitoringReport', data: { actor: reviewer, at, comments: '请补充整改措施' } }).then([returned]));
  it('refuses a return without comments', () =>
    spec.given(filed).when({ type: 'ReturnMonitoringReport', data: { actor: reviewer, at, comments: '' } }).thenThrows('REVIEW_COMMENTS_REQUIRED', { field: 'comments' }));
  it('refuses a unit reviewing', () => spec.given(filed).when({ type: 'AcceptMonitoringReport', data: { actor: unit, at } }).thenThrows('FORBIDDEN'));
  it('refuses reviewing a report not submitted', () =>
    spec.given([opened]).when({ type: 'AcceptMonitoringReport', data: { actor: reviewer, at } }).thenThrows('REPORT_STATUS_INVALID', { message: '项目“P-1”2026年6月的监控报告当前为“待填报”，不能审核' }));
  it('a returned report is revised, then submitted again', () => {
    spec.given([...filed, returned]).when(submit()).thenThrows('REPORT_NOT_REVISED');
    spec.given([...filed, returned, drafted(onTrack)]).when(submit()).then([submitted(onTrack)]);
  });
  it('refuses drafting an accepted report', () =>
    spec.given([...filed, { type: 'MonitoringReportAccepted', data: { by: reviewer.id, at } }]).when(draft(onTrack)).thenThrows('REPORT_STATUS_INVALID'));
});

describe('monitoring report › reminders and overdue', () => {
  const overdueAt = '2026-07-11T00:00:00.000Z';
  it('reminds a unit that still owes the report', () =>
    spec.given([opened]).when({ type: 'RemindMonitoringReport', data: { actor: system, at } }).then([{ type: 'MonitoringReportReminderSent', data: { dueAt, by: system.id, at } }]));
  it('does not remind once submitted', () =>
    spec.given([opened, recorded(greenFigures), drafted(onTrack), submitted(onTrack)]).when({ type: 'RemindMonitoringReport', data: { actor: system, at } }).thenNothing());
  it('marks a late report overdue once', () => {
    spec.given([opened]).when({ type: 'MarkMonitoringReportOverdue', data: { actor: system, at: overdueAt } }).then([{ type: 'MonitoringReportOverdue', data: { dueAt, by: system.id, at: overdueAt } }]);
    spec.given([opened, { type: 'MonitoringReportOverdue', data: { dueAt, by: system.id, at: overdueAt } }]).when({ type: 'MarkMonitoringReportOverdue', data: { actor: system, at: overdueAt } }).thenNothing();
  });
  it('refuses marking it overdue before the due date', () =>
    spec.given([opened]).when({ type: 'MarkMonitoringReportOverdue', data: { actor: system, at } }).thenThrows('REPORT_NOT_YET_DUE', { kind: 'precondition' }));
  it('an overdue report can still be filed, marked late', () => {
    const state = stateAfter(monitoringReportDecider, [opened, { type: 'MonitoringReportOverdue', data: { dueAt, by: system.id, at: overdueAt } }, recorded(greenFigures), drafted(onTrack, overdueAt)]);
    expect(state.status === 'drafted' && state.report.overdue).toBe(true);
    spec.given([opened, { type: 'MonitoringReportOverdue', data: { dueAt, by: system.id, at: overdueAt } }, recorded(greenFigures), drafted(onTrack, overdueAt)]).when(submit(unit, overdueAt)).then([submitted(onTrack, true, overdueAt)]);
  });
});

describe('monitoring report › new parameters recompute the warnings', () => {
  const reassess = (p = parameters, actor: Actor = system): MonitoringReportCommand => ({ type: 'ReassessMonitoringWarnings', data: { parameters: p, actor, at } });
  const base = [opened, recorded(redFigures), assessed(redFigures, [], 'execution-figures', ['execution-ratio'])];

  it('lower thresholds turn the red execution warning yellow, as a new event', () => {
    const lenient = resolveMonitoringParameters('示例县', 2026, { executionRatioBands: { red: 40, yellow: 55 } });
    spec.given(base).when(reassess(lenient)).then([assessed(redFigures, [], 'parameters', [], system.id, at, lenient)]);
  });
  it('unchanged parameters change nothing', () => spec.given(base).when(reassess()).thenNothing());
  it('new parameters that change no warning today are still recorded, for what comes later', () => {
    // Only the execution warning exists yet: the indicator bands change none of today's warnings.
    const strict = resolveMonitoringParameters('示例县', 2026, { indicatorBands: { red: 70, yellow: 95 } });
    const changed = assessed(redFigures, [], 'parameters', [], system.id, at, strict);
    spec.given(base).when(reassess(strict)).then([changed]);
    const state = stateAfter(monitoringReportDecider, [...base, changed]);
    expect(state.status === 'open' && state.report.parameters.indicatorBands).toEqual({ red: 70, yellow: 95 });
  });
  it('refuses another region’s parameters', () =>
    spec.given(base).when(reassess(resolveMonitoringParameters('邻县', 2026))).thenThrows('PARAMETERS_MISMATCH'));
});
