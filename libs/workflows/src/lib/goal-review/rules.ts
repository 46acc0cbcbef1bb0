/**
 * The checks a review decision passes before the workflow accepts it (the update validator).
 * Pure: part of the workflow bundle.
 */
import type { ReviewDecision, ReviewDecisionKind, ReviewRating, ReviewTask } from './types';

export type ReviewRefusalCode =
  | 'REVIEW_ROLE_FORBIDDEN'
  | 'REVIEW_TASK_CLOSED'
  | 'REVIEW_AWAITING_REVISION'
  | 'REVIEW_DECISION_IN_PROGRESS'
  | 'REVIEW_VERSION_STALE'
  | 'REVIEW_DECISION_INVALID'
  | 'REVIEW_RATING_INVALID'
  | 'REVIEW_RATING_INCONSISTENT'
  | 'REVIEW_COMMENTS_REQUIRED';

export type ReviewRefusal = Readonly<{ code: ReviewRefusalCode; message: string }>;

export const RATINGS_BY_DECISION: Readonly<Record<ReviewDecisionKind, readonly ReviewRating[]>> = {
  approve: ['excellent', 'good'],
  return: ['fair'],
  reject: ['poor'],
};

const DECISION_LABELS: Readonly<Record<ReviewDecisionKind, string>> = {
  approve: '通过',
  return: '退回修改',
  reject: '不予通过',
};

const RATING_LABELS: Readonly<Record<ReviewRating, string>> = {
  excellent: '优',
  good: '良',
  fair: '中',
  poor: '差',
};

const isDecision = (value: unknown): value is ReviewDecisionKind =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(RATINGS_BY_DECISION, value);
const isRating = (value: unknown): value is ReviewRating =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(RATING_LABELS, value);
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
  if (!isDecision(decision.decision)) {
    return { code: 'REVIEW_DECISION_INVALID', message: `审核结论“${String(decision.decision)}”无效，应为通过、退回修改或不予通过` };
  }
  if (!isRating(decision.rating)) {
    return { code: 'REVIEW_RATING_INVALID', message: `审核评级“${String(decision.rating)}”无效，应为优、良、中、差之一` };
  }
  const allowed = RATINGS_BY_DECISION[decision.decision];
  if (!allowed.includes(decision.rating)) {
    return {
      code: 'REVIEW_RATING_INCONSISTENT',
      message: `审核结论与评级不一致：${DECISION_LABELS[decision.decision]}只能评为${allowed.map((r) => RATING_LABELS[r]).join('或')}`,
    };
  }
  const hasIndicatorComments = (decision.indicatorComments ?? []).some((c) => !isBlank(c?.comment));
  if (decision.decision === 'return' && !hasIndicatorComments && isBlank(decision.comments)) {
    return { code: 'REVIEW_COMMENTS_REQUIRED', message: '退回修改须填写审核意见或逐项指标审核意见' };
  }
  return undefined;
}
