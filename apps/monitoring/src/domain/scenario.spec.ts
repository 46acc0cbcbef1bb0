import { describe, expect, it } from '@jest/globals';
import {
  Actor,
  CorrectiveCaseEvent,
  CorrectiveCaseState,
  MonitoredIndicator,
  MonitoringReportEvent,
  Warning,
  allocationAllowed,
  correctiveCaseDecider,
  monitoringReportDecider,
  monthlyReportSchedule,
  officialCalendar,
  resolveMonitoringParameters,
} from './index';
import { Decider } from './shared';

/** Runs commands one after another against a stream, like the service does. */
const stream = <S, C, E>(decider: Decider<S, C, E>) => {
  const events: E[] = [];
  return {
    events,
    run(command: C): E[] {
      const produced = decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
      events.push(...produced);
      return produced;
    },
    state: (): S => events.reduce(decider.evolve, decider.initialState()),
  };
};

const system: Actor = { id: 'platform', role: 'system' };
const unit: Actor = { id: 'u-edu-1', role: 'unit', unit: 'edu-bureau' };
const reviewer: Actor = { id: 'f-rev-1', role: 'finance-reviewer' };
const parameters = resolveMonitoringParameters('示例县', 2026);
const calendar = officialCalendar('示例县');
const indicators: MonitoredIndicator[] = [{ name: '改造学校数量', direction: '>=', unitOfMeasure: '所', annualTarget: 24, accumulation: 'cumulative' }];

describe('a project’s June in monitoring, end to end in the domain', () => {
  it('25 % execution in June: red warning with its numbers, a case, no answer, escalation, suspension, allocation refused, then lifted', () => {
    const june = monthlyReportSchedule(6, parameters, calendar);
    const report = stream(monitoringReportDecider);
    report.run({
      type: 'OpenMonitoringReport',
      data: { projectId: 'P-7', unitId: 'edu-bureau', fiscalYear: 2026, month: 6, kind: 'project', goalVersion: 2, indicators, dueAt: june.dueAt, parameters, actor: system, at: june.opensAt },
    });
    const assessed = report.run({
      type: 'RecordExecutionFigures',
      data: {
        figures: { projectId: 'P-7', fiscalYear: 2026, month: 6, budget: 200_000_000, allocated: 120_000_000, paid: 50_000_000, expectedCarryOver: 0 },
        source: { importId: 'imp-2026-06', contentHash: 'sha256-06', channel: 'file' },
        actor: system,
        at: june.opensAt,
      },
    });
    const newlyRed = assessed.flatMap((e: MonitoringReportEvent) => (e.type === 'MonitoringWarningsAssessed' ? e.data.newlyRed : []));
    expect(newlyRed.map((w: Warning) => w.explanation)).toEqual(['执行率25.0%÷时间进度50.0%=50.0%，低于红色阈值60%']);

    const openedAt = '2026-07-01T02:00:00.000Z';
    const kase = stream(correctiveCaseDecider);
    const [opened] = kase.run({
      type: 'OpenCorrectiveCase',
      data: { caseId: 'P-7-2026-06-execution', projectId: 'P-7', unitId: 'edu-bureau', fiscalYear: 2026, month: 6, warning: newlyRed[0] as Warning, parameters, calendar, actor: system, at: openedAt },
    });
    // 10 working days from Wednesday 1 July: Wednesday 15 July; reminder on Monday 13 July.
    expect(opened).toMatchObject({ data: { dueAt: '2026-07-15T15:59:59.999Z', remindAt: '2026-07-13T01:00:00.000Z' } });

    expect(kase.run({ type: 'RemindCorrectiveCase', data: { actor: system, at: '2026-07-13T01:00:00.000Z' } })).toHaveLength(1);
    expect(kase.run({ type: 'EscalateCorrectiveCase', data: { actor: system, at: '2026-07-15T16:00:00.000Z' } })).toHaveLength(1);
    kase.run({ type: 'RestrictAllocation', data: { mode: 'suspend', reason: '逾期未答复纠偏意见', actor: reviewer, at: '2026-07-16T02:00:00.000Z' } });

    const verdict = allocationAllowed('P-7', [kase.state()]);
    expect(!verdict.allowed && verdict.error.message).toBe(
      '项目“P-7”因纠偏事项“P-7-2026-06-execution”自2026-07-16起被财政部门暂缓拨款（原因：逾期未答复纠偏意见），在财政部门解除前不能下达指标或申请追加资金',
    );

    // The unit answers late (调剂); finance lifts the suspension.
    const [answered] = kase.run({ type: 'AnswerCorrectiveCase', data: { choice: 'reallocate', reasons: '结余资金调剂至校舍维修', actor: unit, at: '2026-07-20T02:00:00.000Z' } });
    expect(answered).toMatchObject({ type: 'CorrectiveCaseAnswered', data: { late: true } });
    kase.run({ type: 'LiftAllocationRestriction', data: { reason: '已提交调剂方案', actor: reviewer, at: '2026-07-21T02:00:00.000Z' } });
    expect(allocationAllowed('P-7', [kase.state()])).toEqual({ allowed: true });
    expect(kase.events.map((e: CorrectiveCaseEvent) => e.type)).toEqual([
      'CorrectiveCaseOpened',
      'CorrectiveCaseReminderSent',
      'CorrectiveCaseEscalated',
      'AllocationRestricted',
      'CorrectiveCaseAnswered',
      'AllocationRestrictionLifted',
    ]);
    expect((kase.state() as Exclude<CorrectiveCaseState, { status: 'none' }>).status).toBe('answered');
  });
});
