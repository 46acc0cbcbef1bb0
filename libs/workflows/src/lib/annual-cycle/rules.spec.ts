import { calendarProblems, chinaEndOfDay, defaultCalendar } from './calendar';
import { lateItems, refuseAdvance, refuseExtension } from './rules';
import type { CycleState, DeadlineExtension, PhaseAdvance } from './types';

const calendar = defaultCalendar(2027);
const state: CycleState = { phase: 'key-evaluation', calendar, awaitingCompletion: ['key-evaluation'], overdue: [], milestones: [], history: [], runs: 1 };
const admin = { id: 'zhao6', role: 'finance-admin' as const };
const now = Date.parse('2028-05-01T00:00:00Z');
const ext: DeadlineExtension = { phase: 'key-evaluation', newDeadline: '2028-07-15T15:59:59.999Z', reason: '第三方机构延期', actor: admin, correlationId: 'c' };
const adv: PhaseAdvance = { fromPhase: 'key-evaluation', reason: '已全部完成', actor: admin, correlationId: 'c' };

describe('defaultCalendar', () => {
  it('puts declaration and review in autumn of Y-1, and every deadline at the end of a China day', () => {
    expect(calendar.opensAt).toBe('2026-08-31T16:00:00.000Z');
    expect(calendar.deadlines['goal-review']).toBe('2026-11-30T15:59:59.999Z');
    expect(calendar.deadlines.monitoring).toBe(chinaEndOfDay(2027, 12, 31));
    expect(calendar.departmentWideNodeAt).toBe('2027-06-30T16:00:00.000Z');
    expect(calendarProblems(2027, calendar)).toEqual([]);
  });

  it.each([
    ['phases out of order', { ...calendar, deadlines: { ...calendar.deadlines, disclosure: calendar.deadlines['result-application'] } }, '信息公开截止时间应晚于结果应用与整改截止时间'],
    ['review inside the year', { ...calendar, deadlines: { ...calendar.deadlines, 'goal-review': '2027-01-05T00:00:00.000Z' } }, '绩效目标审核应在2027年度开始前完成'],
    ['an unreadable date', { ...calendar, opensAt: '下周一' }, '开始时间“下周一”不是有效时间'],
    ['a node outside monitoring', { ...calendar, departmentWideNodeAt: '2028-03-01T00:00:00.000Z' }, '部门整体监控节点应在预算批复之后、绩效运行监控截止之前'],
  ])('refuses %s', (_, c, problem) => {
    expect(calendarProblems(2027, c)).toContain(problem);
  });
});

describe('refuseExtension', () => {
  it('accepts a later deadline for the current phase from a finance admin with a reason', () => {
    expect(refuseExtension(state, ext, now)).toBeUndefined();
  });
  it.each([
    ['a reviewer', { ...ext, actor: { id: 'w', role: 'finance-reviewer' as const } }, 'CYCLE_ROLE_FORBIDDEN'],
    ['no reason', { ...ext, reason: ' ' }, 'CYCLE_REASON_REQUIRED'],
    ['a passed phase', { ...ext, phase: 'monitoring' as const }, 'CYCLE_PHASE_PASSED'],
    ['an earlier deadline', { ...ext, newDeadline: '2028-06-01T00:00:00.000Z' }, 'CYCLE_DEADLINE_INVALID'],
    ['a deadline past the next phase’s', { ...ext, newDeadline: '2028-09-01T00:00:00.000Z' }, 'CYCLE_DEADLINE_INVALID'],
    ['a date that is not one', { ...ext, newDeadline: 'soon' }, 'CYCLE_DEADLINE_INVALID'],
    ['an unknown phase', { ...ext, phase: 'holiday' as never }, 'CYCLE_PHASE_UNKNOWN'],
  ])('refuses %s', (_, e, code) => {
    expect(refuseExtension(state, e, now)?.code).toBe(code);
  });
  it('refuses a new deadline already past', () => {
    expect(refuseExtension(state, ext, Date.parse('2028-07-20T00:00:00Z'))?.message).toBe('新的截止时间应晚于当前时间');
  });
});

describe('refuseAdvance', () => {
  it('accepts ending the current phase', () => expect(refuseAdvance(state, adv)).toBeUndefined());
  it('refuses another phase, a second advance at once, a closed year', () => {
    expect(refuseAdvance(state, { ...adv, fromPhase: 'disclosure' })?.code).toBe('CYCLE_PHASE_MISMATCH');
    expect(refuseAdvance(state, adv, true)?.code).toBe('CYCLE_BUSY');
    expect(refuseAdvance({ ...state, phase: 'closed' }, adv)?.code).toBe('CYCLE_CLOSED');
  });
});

describe('lateItems', () => {
  it('reports the current phase past its deadline, in whole days', () => {
    expect(lateItems(state, Date.parse(calendar.deadlines['key-evaluation']) + 2.5 * 86_400_000)).toEqual([
      { phase: 'key-evaluation', deadline: calendar.deadlines['key-evaluation'], daysLate: 2 },
    ]);
    expect(lateItems(state, now)).toEqual([]);
    expect(lateItems({ ...state, phase: 'closed' }, now)).toEqual([]);
  });
});
