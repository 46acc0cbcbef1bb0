/**
 * Goal review (绩效目标审核): the payloads the workflow, its activities and its callers share.
 * Plain data only; this file is part of the workflow bundle, so it imports nothing with I/O
 * (type-only imports are erased before bundling).
 */
import type { Actor } from '@bpm/contracts';
import type { Grade, IndicatorComment, ReviewDecision as GoalReviewDecision } from '@bpm/goal-declaration-contract';

/** 审核结论 (审核通过 / 退回修改 / 不予通过) and 评级 (优 / 良 / 中 / 差): goal-declaration's published values. */
export type ReviewDecisionKind = GoalReviewDecision;
export type ReviewRating = Grade;
export type { IndicatorComment };

export type GoalReviewInput = Readonly<{
  projectId: string;
  unitId: string;
  fiscalYear: number;
  /** 1 for the first review of a goal table; the next review of the same project is 2, … */
  reviewRound: number;
  /** Version of the goal stream that was submitted for review. */
  submittedVersion: number;
  /** 审核时限: days from submission (and from each resubmission) to the due date. */
  reviewDeadlineDays: number;
  /** The reviewer is reminded this many days before the due date; 0 for no reminder. */
  reminderDaysBefore: number;
}>;

export type ReviewTaskStatus = 'open' | 'awaiting-revision' | 'closed';

export type ReviewOutcome = Readonly<{
  decision: ReviewDecisionKind;
  rating: ReviewRating;
  comments?: string;
  decidedBy: string;
  /** ISO 8601, workflow time. */
  decidedAt: string;
  /** The goal's status and stream version after goal-declaration recorded the decision. */
  goalStatus: string;
  goalVersion: number;
}>;

/** The review task as the approvers' inbox shows it (query `reviewTask`). */
export type ReviewTask = Readonly<{
  projectId: string;
  unitId: string;
  fiscalYear: number;
  reviewRound: number;
  status: ReviewTaskStatus;
  /** The goal version under review (the latest resubmission once returned). */
  submittedVersion: number;
  /** ISO 8601 due date of the current review cycle. */
  dueAt: string;
  overdue: boolean;
  reminderSent: boolean;
  /** The latest decision: `return` while awaiting revision, the final one once closed. */
  outcome?: ReviewOutcome;
}>;

/** The `decide` update's argument: one reviewer's decision on the submitted goal table. */
export type ReviewDecision = Readonly<{
  decision: ReviewDecisionKind;
  rating: ReviewRating;
  comments?: string;
  /** Required (or `comments`) when returning: what to fix, per indicator. */
  indicatorComments?: readonly IndicatorComment[];
  /** 审核评分 0–100; goal-declaration checks it against the region's grade bands. */
  score?: number;
  actor: Actor;
  correlationId: string;
  /** Optional guard: the goal version the reviewer looked at; refused when stale. */
  expectedVersion?: number;
}>;

/** The `decide` update's result. */
export type ReviewDecisionResult = Readonly<{ task: ReviewTask; goalStatus: string; goalVersion: number }>;

/** The `resubmitted` signal: the unit resubmitted the returned goal table. */
export type Resubmission = Readonly<{ version: number }>;

/** One workflow per project and review round. */
export const goalReviewWorkflowId = (projectId: string, reviewRound: number): string =>
  `goal-review-${projectId}-r${reviewRound}`;
