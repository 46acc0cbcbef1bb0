import { describe, expect, it } from '@jest/globals';
import { officialCalendar } from '../calendar';
import { resolveMonitoringParameters } from '../parameters';
import { Actor } from '../shared';
import { deciderSpec, stateAfter } from '../shared/testing/decider-spec';
import { Warning } from '../warnings';
import {
  CorrectiveCaseCommand,
  CorrectiveCaseEvent,
  allocationAllowed,
  correctiveCaseDecider,
  correctiveCaseStreamId,
  correctiveSchedule,
  requireAllocationAllowed,
} from './index';

const spec = deciderSpec(correctiveCaseDecider);
const system: Actor = { id: 'monitoring', role: 'system' };
const unit: Actor = { id: 'u-edu-1', role: 'unit', unit: 'edu-bureau' };
const reviewer: Actor = { id: 'f-rev-1', role: 'finance-reviewer' };
const parameters = resolveMonitoringParameters('示例县', 2026);
const calendar = officialCalendar('示例县');

const red: Warning = {
  rule: 'execution-ratio',
  subject: { kind: 'execution' },
  level: 'red',
  figures: { executionRatePercent: 25, timeProgressPercent: 50, executionRatioPercent: 50 },
  explanation: '执行率25.0%÷时间进度50.0%=50.0%，低于红色阈值60%',
};
// Opened Monday 2026-09-28 10:00 China time: 10 working days across National Day end on 2026-10-16.
const openedAt = '2026-09-28T02:00:00.000Z';
const dueAt = '2026-10-16T15:59:59.999Z';
const remindAt = '2026-10-14T01:00:00.000Z'; // 2 working days before: Wed 2026-10-14 09:00
const facts = { caseId: 'CC-1', projectId: 'P-1', unitId: 'edu-bureau', fiscalYear: 2026, month: 8, warning: red };
const open = (extra: object = {}, actor: Actor = system): CorrectiveCaseCommand => ({
  type: 'OpenCorrectiveCase',
  data: { ...facts, parameters, calendar, actor, at: openedAt, ...extra },
});
const opened: CorrectiveCaseEvent = { type: 'CorrectiveCaseOpened', data: { ...facts, answerWorkingDays: 10, dueAt, remindAt, by: system.id, at: openedAt } };
const answerAt = '2026-10-12T03:00:00.000Z';
const answer = (extra: object = {}, actor: Actor = unit): CorrectiveCaseCommand => ({
  type: 'AnswerCorrectiveCase',
  data: { choice: 'reallocate', reasons: '部分资金调剂至校舍维修项目', actor, at: answerAt, ...extra },
});
const answered = (late = false, at = answerAt): CorrectiveCaseEvent => ({
  type: 'CorrectiveCaseAnswered',
  data: { choice: 'reallocate', reasons: '部分资金调剂至校舍维修项目', late, by: unit.id, at },
});
const lateAt = '2026-10-17T01:00:00.000Z';
const escalated: CorrectiveCaseEvent = { type: 'CorrectiveCaseEscalated', data: { dueAt, by: system.id, at: lateAt } };
const suspendAt = '2026-10-19T02:00:00.000Z';
const suspended: CorrectiveCaseEvent = {
  type: 'AllocationRestricted',
  data: { projectId: 'P-1', mode: 'suspend', reason: '逾期未答复纠偏意见', by: reviewer.id, at: suspendAt },
};
const restrict = (mode: 'suspend' | 'stop' = 'suspend', reason = '逾期未答复纠偏意见', actor: Actor = reviewer): CorrectiveCaseCommand => ({
  type: 'RestrictAllocation',
  data: { mode, reason, actor, at: suspendAt },
});

describe('corrective case › schedule in Chinese working days', () => {
  it('10 working days across National Day, reminder 2 working days before at 09:00', () =>
    expect(correctiveSchedule(openedAt, parameters, calendar)).toEqual({ dueAt, remindAt }));
  it('a region’s extra holiday moves the deadline', () =>
    expect(correctiveSchedule(openedAt, parameters, { ...calendar, extraHolidays: ['2026-10-12'] }).dueAt).toBe('2026-10-19T15:59:59.999Z'));
  it('no reminder when the region sets 0 days', () =>
    expect(correctiveSchedule(openedAt, { ...parameters, reminderWorkingDaysBefore: 0 }, calendar)).toEqual({ dueAt }));
  it('counts from the China date of the opening (late evening UTC is the next day in China)', () =>
    expect(correctiveSchedule('2026-11-01T17:00:00.000Z', parameters, calendar).dueAt).toBe('2026-11-16T15:59:59.999Z'));
});

describe('corrective case › opening', () => {
  it('a red warning opens a case with its deadline', () => spec.given([]).when(open()).then([opened]));
  it('a finance reviewer may open one too', () =>
    spec.given([]).when(open({}, reviewer)).then([{ ...opened, data: { ...opened.data, by: reviewer.id } } as CorrectiveCaseEvent]));
  it('refuses a yellow warning', () =>
    spec.given([]).when(open({ warning: { ...red, level: 'yellow' } })).thenThrows('WARNING_NOT_RED', { kind: 'precondition', message: '只有红色预警才开启纠偏事项，该预警为黄色' }));
  it('refuses a unit opening it', () => spec.given([]).when(open({}, unit)).thenThrows('FORBIDDEN', { kind: 'forbidden' }));
  it('refuses opening twice', () => spec.given([opened]).when(open()).thenThrows('CASE_ALREADY_OPEN', { kind: 'conflict' }));
  it('refuses a malformed calendar override', () =>
    spec.given([]).when(open({ calendar: { ...calendar, extraHolidays: ['10/12'] } })).thenThrows('DATE_INVALID', { field: 'extraHolidays[0]' }));
  it('requires the case, project and unit', () =>
    spec.given([]).when(open({ unitId: ' ' })).thenThrows('CASE_FIELD_REQUIRED', { field: 'unitId', message: '开启纠偏事项须提供预算单位' }));
  it('names its stream', () => expect(correctiveCaseStreamId('CC-1')).toBe('correctiveCase-CC-1'));
});

describe('corrective case › the unit answers 继续 / 调剂 / 取消', () => {
  it('answers 调剂 in time', () => spec.given([opened]).when(answer()).then([answered()]));
  it.each(['continue', 'cancel'] as const)('answers %s', (choice) =>
    spec.given([opened]).when(answer({ choice, reasons: '理由' })).then([{ type: 'CorrectiveCaseAnswered', data: { choice, reasons: '理由', late: false, by: unit.id, at: answerAt } }]));
  it('a late answer is accepted and marked late, also after escalation', () =>
    spec.given([opened, escalated]).when(answer({ at: suspendAt })).then([answered(true, suspendAt)]));
  it('requires reasons', () => spec.given([opened]).when(answer({ reasons: ' ' })).thenThrows('REASONS_REQUIRED', { field: 'reasons', message: '选择“调剂”须说明理由' }));
  it('refuses an unknown choice', () => spec.given([opened]).when(answer({ choice: 'ignore' })).thenThrows('CHOICE_INVALID', { field: 'choice' }));
  it('refuses another unit', () =>
    spec.given([opened]).when(answer({}, { id: 'u-h', role: 'unit', unit: 'health-bureau' })).thenThrows('NOT_OWNING_UNIT', { kind: 'forbidden' }));
  it('refuses finance answering for the unit', () => spec.given([opened]).when(answer({}, reviewer)).thenThrows('FORBIDDEN'));
  it('refuses answering twice', () => spec.given([opened, answered()]).when(answer()).thenThrows('CASE_ALREADY_ANSWERED', { kind: 'conflict' }));
  it('refuses answering an unknown case', () => spec.given([]).when(answer()).thenThrows('CASE_NOT_FOUND', { kind: 'not-found' }));
});

describe('corrective case › reminder and escalation', () => {
  const remind: CorrectiveCaseCommand = { type: 'RemindCorrectiveCase', data: { actor: system, at: remindAt } };
  const escalate = (at = lateAt): CorrectiveCaseCommand => ({ type: 'EscalateCorrectiveCase', data: { actor: system, at } });
  it('reminds once before the deadline', () => {
    spec.given([opened]).when(remind).then([{ type: 'CorrectiveCaseReminderSent', data: { dueAt, by: system.id, at: remindAt } }]);
    spec.given([opened, { type: 'CorrectiveCaseReminderSent', data: { dueAt, by: system.id, at: remindAt } }]).when(remind).thenNothing();
  });
  it('does not remind an answered case', () => spec.given([opened, answered()]).when(remind).thenNothing());
  it('escalates to finance when the deadline passes', () => spec.given([opened]).when(escalate()).then([escalated]));
  it('does not escalate before the deadline', () =>
    spec.given([opened]).when(escalate(dueAt)).thenThrows('CASE_NOT_YET_DUE', { kind: 'precondition' }));
  it('does not escalate an answered case, nor twice', () => {
    spec.given([opened, answered()]).when(escalate()).thenNothing();
    spec.given([opened, escalated]).when(escalate()).thenNothing();
  });
});

describe('corrective case › finance suspends or stops allocation (暂缓或停止拨款)', () => {
  const lift = (reason = '单位已提交调剂方案', actor: Actor = reviewer): CorrectiveCaseCommand => ({
    type: 'LiftAllocationRestriction',
    data: { reason, actor, at: '2026-10-26T02:00:00.000Z' },
  });
  const lifted: CorrectiveCaseEvent = {
    type: 'AllocationRestrictionLifted',
    data: { projectId: 'P-1', reason: '单位已提交调剂方案', by: reviewer.id, at: '2026-10-26T02:00:00.000Z' },
  };

  it('suspends the allocation of an escalated case', () => spec.given([opened, escalated]).when(restrict()).then([suspended]));
  it('may move from suspending to stopping', () =>
    spec.given([opened, escalated, suspended]).when(restrict('stop', '单位决定取消项目')).then([
      { type: 'AllocationRestricted', data: { projectId: 'P-1', mode: 'stop', reason: '单位决定取消项目', by: reviewer.id, at: suspendAt } },
    ]));
  it('refuses suspending twice', () => spec.given([opened, escalated, suspended]).when(restrict()).thenThrows('ALLOCATION_ALREADY_RESTRICTED', { kind: 'conflict' }));
  it('requires a reason', () => spec.given([opened, escalated]).when(restrict('suspend', '')).thenThrows('REASON_REQUIRED'));
  it('refuses a unit restricting', () => spec.given([opened, escalated]).when(restrict('suspend', 'x', unit)).thenThrows('FORBIDDEN'));
  it('refuses an unknown mode', () => spec.given([opened, escalated]).when(restrict('freeze' as never)).thenThrows('RESTRICTION_MODE_INVALID'));
  it('lifts it', () => spec.given([opened, escalated, suspended]).when(lift()).then([lifted]));
  it('refuses lifting what is not restricted', () => spec.given([opened]).when(lift()).thenThrows('ALLOCATION_NOT_RESTRICTED', { kind: 'precondition' }));

  it('allocationAllowed refuses with a message naming the case, until lifted', () => {
    const suspendedCase = stateAfter(correctiveCaseDecider, [opened, escalated, suspended]);
    const verdict = allocationAllowed('P-1', [suspendedCase]);
    expect(verdict).toMatchObject({ allowed: false, caseId: 'CC-1' });
    expect(!verdict.allowed && verdict.error.toJSON()).toEqual({
      code: 'ALLOCATION_RESTRICTED',
      kind: 'precondition',
      field: 'projectId',
      message: '项目“P-1”因纠偏事项“CC-1”自2026-10-19起被财政部门暂缓拨款（原因：逾期未答复纠偏意见），在财政部门解除前不能下达指标或申请追加资金',
    });
    expect(() => requireAllocationAllowed('P-1', [suspendedCase])).toThrow('纠偏事项“CC-1”');
    expect(allocationAllowed('P-2', [suspendedCase])).toEqual({ allowed: true });
    expect(allocationAllowed('P-1', [stateAfter(correctiveCaseDecider, [opened, escalated, suspended, lifted])])).toEqual({ allowed: true });
    expect(allocationAllowed('P-1', [stateAfter(correctiveCaseDecider, [opened])])).toEqual({ allowed: true });
  });
});
