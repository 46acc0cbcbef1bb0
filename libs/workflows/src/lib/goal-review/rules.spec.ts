import { refuseDecision } from './rules';
import type { ReviewDecision, ReviewTask } from './types';

const task: ReviewTask = {
  projectId: 'p-1',
  unitId: 'unit-edu',
  fiscalYear: 2026,
  reviewRound: 1,
  status: 'open',
  submittedVersion: 3,
  dueAt: '2025-10-16T00:00:00.000Z',
  overdue: false,
  reminderSent: false,
};
const approve: ReviewDecision = { decision: 'approve', rating: 'good', actor: { id: 'u-zhang', role: 'finance-reviewer' }, correlationId: 'c' };

describe('refuseDecision', () => {
  it('accepts a reviewer\'s decision on an open task', () => {
    expect(refuseDecision(task, false, approve)).toBeUndefined();
    expect(refuseDecision(task, false, { ...approve, rating: 'excellent' })).toBeUndefined();
    expect(refuseDecision(task, false, { ...approve, decision: 'return', rating: 'fair', comments: '请细化产出指标' })).toBeUndefined();
    expect(refuseDecision(task, false, { ...approve, decision: 'reject', rating: 'poor' })).toBeUndefined();
  });

  it.each([
    ['closed', { ...task, status: 'closed' as const }, false, 'REVIEW_TASK_CLOSED', '该审核任务已关闭'],
    ['awaiting revision', { ...task, status: 'awaiting-revision' as const }, false, 'REVIEW_AWAITING_REVISION', '该审核任务已退回修改，待单位重新提交后方可审核'],
    ['being decided', task, true, 'REVIEW_DECISION_IN_PROGRESS', '该审核任务正在处理另一审核决定，请稍后再试'],
  ])('refuses a task that is %s', (_, t, deciding, code, message) => {
    expect(refuseDecision(t, deciding, approve)).toEqual({ code, message });
  });

  it('checks the role before anything else, and needs a reviewer id', () => {
    const closed = { ...task, status: 'closed' as const };
    expect(refuseDecision(closed, false, { ...approve, actor: { id: 'a', role: 'finance-admin' } })?.code).toBe('REVIEW_ROLE_FORBIDDEN');
    expect(refuseDecision(task, false, { ...approve, actor: { id: ' ', role: 'finance-reviewer' } })?.code).toBe('REVIEW_ROLE_FORBIDDEN');
  });

  it('refuses a stale version: the reviewer looked at an earlier submission', () => {
    expect(refuseDecision(task, false, { ...approve, expectedVersion: 2 })?.code).toBe('REVIEW_VERSION_STALE');
    expect(refuseDecision(task, false, { ...approve, expectedVersion: 3 })).toBeUndefined();
  });

  it('leaves the business rules to goal-declaration: a return without comments or an odd rating passes here', () => {
    // The domain refuses these (INDICATOR_COMMENTS_REQUIRED, RATING_INCONSISTENT) with its own 422.
    expect(refuseDecision(task, false, { ...approve, decision: 'return', rating: 'fair' })).toBeUndefined();
    expect(refuseDecision(task, false, { ...approve, decision: 'approve', rating: 'fair' })).toBeUndefined();
  });
});
