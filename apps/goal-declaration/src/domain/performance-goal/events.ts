/** The goal stream's events are published: their one definition is goal-declaration's contract. */
export type {
  GoalAdjustmentRejected,
  GoalAdjustmentRequested,
  GoalApproved,
  GoalDeclared,
  GoalRejected,
  GoalReturned,
  GoalReviewOverdue,
  GoalReviewReminderSent,
  GoalSubmittedForReview,
  PerformanceGoalEvent,
  ProjectRegistered,
} from '@bpm/goal-declaration-contract';
