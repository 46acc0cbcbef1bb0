import { ExAnteAssessmentOutcome } from '../ex-ante-assessment/conclusion';
import { Project } from '../project';
import { Event, Timestamp } from '../shared';
import { GoalDeclaration, IndicatorComment } from './types';

type By = { by: string; at: Timestamp };
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
export type GoalAdjustmentRejected = Event<
  'GoalAdjustmentRejected',
  Reviewed & { rating: 'poor'; reason: string; approvedVersion: number }
>;

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

