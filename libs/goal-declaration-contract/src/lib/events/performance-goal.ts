import type { ExAnteAssessmentOutcome } from '../values/ex-ante';
import type { GoalDeclaration } from '../values/goal-declaration';
import type { Project } from '../values/project';
import type { IndicatorComment } from '../values/review-decisions';
import type { By, Event, Timestamp } from './event';

/** Stream `goal-<projectId>`: one project's goal table, its reviews and adjustments. */
export const PERFORMANCE_GOAL_CATEGORY = 'goal';
export const performanceGoalStreamId = (projectId: string): string => `${PERFORMANCE_GOAL_CATEGORY}-${projectId}`;

type Reviewed = By & { projectId: string; version: number; reviewRound: number; score?: number; comments?: string };

export type ProjectRegistered = Event<'ProjectRegistered', By & { project: Project }>;

/** A new version of the goal table. */
export type GoalDeclared = Event<'GoalDeclared', By & { projectId: string; version: number; declaration: GoalDeclaration }>;

export type GoalSubmittedForReview = Event<
  'GoalSubmittedForReview',
  By & {
    projectId: string;
    unitId: string;
    fiscalYear: number;
    version: number;
    /** Same round across return → resubmit; a new round per adjustment. */
    reviewRound: number;
    /** 1 for the first submission of the round, then 2, 3 … after returns. */
    submission: number;
    isAdjustment: boolean;
    reviewDeadlineDays: number;
    reminderDaysBefore: number;
  }
>;

export type GoalApproved = Event<
  'GoalApproved',
  Reviewed & { rating: 'excellent' | 'good'; isAdjustment: boolean; exAnteAssessment?: ExAnteAssessmentOutcome }
>;
export type GoalReturned = Event<'GoalReturned', Reviewed & { rating: 'fair'; indicatorComments: readonly IndicatorComment[] }>;
export type GoalRejected = Event<'GoalRejected', Reviewed & { rating: 'poor'; reason: string }>;
/** An adjustment refused: the previously approved goal stays in force. */
export type GoalAdjustmentRejected = Event<'GoalAdjustmentRejected', Reviewed & { rating: 'poor'; reason: string; approvedVersion: number }>;

export type GoalAdjustmentRequested = Event<
  'GoalAdjustmentRequested',
  By & { projectId: string; reason: string; approvedVersion: number; reviewRound: number }
>;

export type GoalReviewReminderSent = Event<'GoalReviewReminderSent', By & { projectId: string; reviewRound: number; dueAt: Timestamp }>;
export type GoalReviewOverdue = Event<'GoalReviewOverdue', By & { projectId: string; reviewRound: number; dueAt: Timestamp }>;

export type PerformanceGoalEvent =
  | GoalReviewReminderSent
  | GoalReviewOverdue
  | ProjectRegistered
  | GoalDeclared
  | GoalSubmittedForReview
  | GoalApproved
  | GoalReturned
  | GoalRejected
  | GoalAdjustmentRequested
  | GoalAdjustmentRejected;

/**
 * Every event type of a goal stream with the schema version of `data` it is written at. A
 * change to a shape bumps its version here (and registers an upcaster in the owning service);
 * consumers can refuse versions they do not know.
 */
export const PERFORMANCE_GOAL_EVENT_SCHEMAS = {
  ProjectRegistered: 1,
  GoalDeclared: 1,
  GoalSubmittedForReview: 1,
  GoalApproved: 1,
  GoalReturned: 1,
  GoalRejected: 1,
  GoalAdjustmentRequested: 1,
  GoalAdjustmentRejected: 1,
  GoalReviewReminderSent: 1,
  GoalReviewOverdue: 1,
} as const satisfies Record<PerformanceGoalEvent['type'], number>;
