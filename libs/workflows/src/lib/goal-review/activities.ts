import type { Actor } from '@bpm/contracts';
import type { IndicatorComment, ReviewDecisionKind, ReviewRating } from './types';

/** `recordReviewDecision`: goal-declaration records the decision on the goal stream. */
export type RecordReviewDecisionInput = Readonly<{
  projectId: string;
  decision: ReviewDecisionKind;
  rating: ReviewRating;
  comments?: string;
  indicatorComments?: readonly IndicatorComment[];
  score?: number;
  actor: Actor;
  correlationId: string;
}>;

/** The goal's status and stream version after the decision. */
export type RecordReviewDecisionResult = Readonly<{ status: string; version: number }>;

/** Reminder and overdue notices: goal-declaration records them and notifies the reviewers. */
export type ReviewEventInput = Readonly<{ projectId: string; reviewRound: number; dueAt: string }>;

/**
 * What the goal review workflow asks of the outside world. Implemented in the orchestrator
 * (HTTP to goal-declaration). A domain refusal is a non-retryable ApplicationFailure whose
 * type is the refusal code and whose message is the Chinese detail.
 */
export interface GoalReviewActivities {
  recordReviewDecision(input: RecordReviewDecisionInput): Promise<RecordReviewDecisionResult>;
  sendReviewReminder(input: ReviewEventInput): Promise<void>;
  markReviewOverdue(input: ReviewEventInput): Promise<void>;
}
