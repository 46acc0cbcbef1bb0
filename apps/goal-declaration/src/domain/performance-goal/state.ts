import type { GoalStatus as PublishedGoalStatus } from '@bpm/goal-declaration-contract';
import { ExAnteAssessmentOutcome } from '../ex-ante-assessment/conclusion';
import { Grade } from '../grades';
import { Project } from '../project';
import { DomainError } from '../shared';
import { GoalDeclaration, IndicatorComment } from './types';

export type ApprovedGoal = Readonly<{ version: number; declaration: GoalDeclaration; rating: Grade; reviewRound: number }>;

/** What every registered goal carries, whatever its status. */
export type GoalRecord = Readonly<{
  project: Project;
  /** Latest declared version (0: none yet) and its content. */
  version: number;
  declaration?: GoalDeclaration;
  reviewRound: number;
  /** Submissions within the current round. */
  submission: number;
  /** The goal in force (issued with the budget). */
  approved?: ApprovedGoal;
  exAnteAssessment?: ExAnteAssessmentOutcome;
}>;

/**
 * draft → submitted → (returned → submitted …) → approved | rejected;
 * approved → adjustment-requested → submitted → approved (or back to approved when refused).
 * Each case holds what is true in it: a submitted goal has a declaration, an approved one
 * its goal in force, a returned one what the reviewer asked and the version to revise.
 */
export type PerformanceGoalState =
  | Readonly<{ status: 'unregistered' }>
  | (GoalRecord & Readonly<{ status: 'draft' }>)
  | (GoalRecord &
      Readonly<{
        status: 'submitted';
        declaration: GoalDeclaration;
        /** True while an adjustment request is being reviewed. */
        adjusting: boolean;
      }>)
  | (GoalRecord &
      Readonly<{
        status: 'returned';
        declaration: GoalDeclaration;
        /** A new version above this one must be declared before submitting again. */
        mustReviseAfterVersion: number;
        /** What the reviewer asked at the return. */
        lastReturnComments: readonly IndicatorComment[];
        adjusting: boolean;
      }>)
  | (GoalRecord & Readonly<{ status: 'approved'; declaration: GoalDeclaration; approved: ApprovedGoal }>)
  | (GoalRecord & Readonly<{ status: 'rejected' }>)
  | (GoalRecord & Readonly<{ status: 'adjustment-requested'; approved: ApprovedGoal; mustReviseAfterVersion: number }>);

/** The statuses are published (the read side shows them): named once, in goal-declaration's contract. */
export type GoalStatus = PublishedGoalStatus;
export { GOAL_STATUSES, GOAL_STATUS_LABELS } from '@bpm/goal-declaration-contract';
// The cases of the state and the published statuses are the same set, or this fails to compile.
const sameStatuses: [PerformanceGoalState['status'], GoalStatus] extends [GoalStatus, PerformanceGoalState['status']] ? true : never = true;
void sameStatuses;

export type RegisteredGoal = Exclude<PerformanceGoalState, { status: 'unregistered' }>;
export type GoalIn<S extends GoalStatus> = Extract<PerformanceGoalState, { status: S }>;

export const initialState = (): PerformanceGoalState => ({ status: 'unregistered' });

export const isRegistered = (state: PerformanceGoalState): state is RegisteredGoal => state.status !== 'unregistered';

/** The registered goal, or PROJECT_NOT_REGISTERED. */
export const requireRegistered = (state: PerformanceGoalState, projectId: string): RegisteredGoal => {
  if (!isRegistered(state)) throw new DomainError('PROJECT_NOT_REGISTERED', `项目“${projectId}”尚未登记`, 'projectId');
  return state;
};

/** True while an adjustment request is being declared or reviewed. */
export const isAdjusting = (state: PerformanceGoalState): boolean => {
  switch (state.status) {
    case 'adjustment-requested':
      return true;
    case 'submitted':
    case 'returned':
      return state.adjusting;
    default:
      return false;
  }
};

/** After a return or an adjustment request: the version a resubmission must be above. */
export const mustReviseAfter = (state: PerformanceGoalState): number | undefined =>
  state.status === 'returned' || state.status === 'adjustment-requested' ? state.mustReviseAfterVersion : undefined;

/** The fields every case shares, without those of the case it leaves. */
export const recordOf = (s: RegisteredGoal): GoalRecord => ({
  project: s.project,
  version: s.version,
  reviewRound: s.reviewRound,
  submission: s.submission,
  ...(s.declaration ? { declaration: s.declaration } : {}),
  ...(s.approved ? { approved: s.approved } : {}),
  ...(s.exAnteAssessment ? { exAnteAssessment: s.exAnteAssessment } : {}),
});
