/**
 * The checks a review decision passes before the workflow accepts it (the update validator).
 * Only what the workflow itself owns: who may decide (the reviewer role), whether the task is
 * open, whether another decision is being recorded, and whether the reviewer looked at the
 * version under review. Whether the decision is acceptable (rating fits the decision, a return
 * names what to fix, a score fits the region's grade bands, a passing ex-ante assessment) is
 * goal-declaration's rule alone: its refusal comes back from the activity as its own 422.
 * Pure: part of the workflow bundle.
 */
import type { ReviewDecision, ReviewTask } from './types';

export type ReviewRefusalCode =
  | 'REVIEW_ROLE_FORBIDDEN'
  | 'REVIEW_TASK_CLOSED'
  | 'REVIEW_AWAITING_REVISION'
  | 'REVIEW_DECISION_IN_PROGRESS'
  | 'REVIEW_VERSION_STALE';

export type ReviewRefusal = Readonly<{ code: ReviewRefusalCode; message: string }>;

const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/**
 * Why `decision` may not be taken on `task` now, or undefined when it may.
 * `deciding` is true while another accepted decision is still being recorded.
 */
export function refuseDecision(task: ReviewTask, deciding: boolean, decision: ReviewDecision): ReviewRefusal | undefined {
  if (decision?.actor?.role !== 'finance-reviewer' || isBlank(decision.actor.id)) {
    return { code: 'REVIEW_ROLE_FORBIDDEN', message: '只有财政审核人员可以作出审核决定' };
  }
  if (task.status === 'closed') return { code: 'REVIEW_TASK_CLOSED', message: '该审核任务已关闭' };
  if (task.status === 'awaiting-revision') {
    return { code: 'REVIEW_AWAITING_REVISION', message: '该审核任务已退回修改，待单位重新提交后方可审核' };
  }
  if (deciding) return { code: 'REVIEW_DECISION_IN_PROGRESS', message: '该审核任务正在处理另一审核决定，请稍后再试' };
  if (decision.expectedVersion !== undefined && decision.expectedVersion !== task.submittedVersion) {
    return {
      code: 'REVIEW_VERSION_STALE',
      message: `审核的绩效目标版本（第${decision.expectedVersion}版）已不是最新提交的版本（第${task.submittedVersion}版）`,
    };
  }
  return undefined;
}
