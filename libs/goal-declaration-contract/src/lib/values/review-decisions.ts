export const REVIEW_DECISIONS = ['approve', 'return', 'reject'] as const;
/** 审核结论: 审核通过 / 退回修改 / 不予通过 */
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  approve: '审核通过',
  return: '退回修改',
  reject: '不予通过',
};

export const isReviewDecision = (value: unknown): value is ReviewDecision =>
  typeof value === 'string' && (REVIEW_DECISIONS as readonly string[]).includes(value);

/** A reviewer's comment on one indicator of the goal table. */
export type IndicatorComment = Readonly<{ indicatorName: string; comment: string }>;
