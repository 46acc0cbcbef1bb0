import { ExAnteAssessmentOutcome } from '../ex-ante-assessment/conclusion';
import { Grade } from '../grades';
import { Project } from '../project';
import { GoalDeclaration, IndicatorComment } from './types';

/**
 * draft → submitted → (returned → submitted …) → approved | rejected;
 * approved → adjustment-requested → submitted → approved (or back to approved when refused).
 */
export type GoalStatus = 'unregistered' | 'draft' | 'submitted' | 'returned' | 'approved' | 'rejected' | 'adjustment-requested';

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  unregistered: '未登记',
  draft: '草稿',
  submitted: '已提交审核',
  returned: '已退回修改',
  approved: '已批复',
  rejected: '不予通过',
  'adjustment-requested': '调整申请中',
};

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
