import type { GoalStatus } from '@bpm/goal-declaration-contract';
import { ExAnteAssessmentOutcome } from '../ex-ante-assessment/conclusion';
import { Grade } from '../grades';
import { Project } from '../project';
import { GoalDeclaration, IndicatorComment } from './types';

/** The goal's statuses are published (the read side shows them): defined in goal-declaration's contract. */
export { GOAL_STATUSES, GOAL_STATUS_LABELS, type GoalStatus } from '@bpm/goal-declaration-contract';

export type ApprovedGoal = Readonly<{ version: number; declaration: GoalDeclaration; rating: Grade; reviewRound: number }>;

export type PerformanceGoalState = Readonly<{
  status: GoalStatus;
  project?: Project;
  /** Latest declared version (0: none yet) and its content. */
  version: number;
  declaration?: GoalDeclaration;
  reviewRound: number;
  /** Submissions within the current round. */
  submission: number;
  /**
   * After a return or an adjustment request, a new version above this one must be
   * declared before submitting again.
   */
  mustReviseAfterVersion?: number;
  /** What the reviewer asked at the last return. */
  lastReturnComments?: readonly IndicatorComment[];
  /** The goal in force (issued with the budget). */
  approved?: ApprovedGoal;
  exAnteAssessment?: ExAnteAssessmentOutcome;
  /** True while an adjustment request is being declared or reviewed. */
  adjusting: boolean;
}>;

export const initialState = (): PerformanceGoalState => ({
  status: 'unregistered',
  version: 0,
  reviewRound: 0,
  submission: 0,
  adjusting: false,
});
