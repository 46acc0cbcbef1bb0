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
  it('accepts 优 and 良 approvals, 中 returns with comments and 差 rejections', () => {
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

  it('refuses unknown decisions and ratings', () => {
    expect(refuseDecision(task, false, { ...approve, decision: 'maybe' as never })?.code).toBe('REVIEW_DECISION_INVALID');
    expect(refuseDecision(task, false, { ...approve, rating: 'A' as never })?.message).toBe('审核评级“A”无效，应为优、良、中、差之一');
  });

  it('a return needs overall or per-indicator comments, not blank ones', () => {
    const ret: ReviewDecision = { ...approve, decision: 'return', rating: 'fair' };
    expect(refuseDecision(task, false, { ...ret, comments: '  ', indicatorComments: [{ indicatorName: 'x', comment: '' }] })?.code).toBe('REVIEW_COMMENTS_REQUIRED');
    expect(refuseDecision(task, false, { ...ret, indicatorComments: [{ indicatorName: 'x', comment: '目标值偏低' }] })).toBeUndefined();
  });
});
