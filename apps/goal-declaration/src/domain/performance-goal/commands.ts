import { ExAnteAssessmentOutcome } from '../ex-ante-assessment/conclusion';
import { Grade } from '../grades';
import { IndicatorLookup } from '../indicator-library/types';
import { GoalDeclarationParameters } from '../parameters';
import { Project } from '../project';
import { Actor, Command, Timestamp } from '../shared';
import { GoalDeclaration, IndicatorComment, ReviewDecision } from './types';

type By = { actor: Actor; at: Timestamp };

/** Stream: `goal-<projectId>` (a project is already one unit, one fiscal year). */
export type RegisterProject = Command<'RegisterProject', By & { project: Project }>;

export type DeclareGoal = Command<
  'DeclareGoal',
  By & {
    projectId: string;
    declaration: GoalDeclaration;
    /** Snapshot of the fiscal year's indicator library. */
    library: IndicatorLookup;
    parameters: GoalDeclarationParameters;
  }
>;

export type SubmitGoalForReview = Command<
  'SubmitGoalForReview',
  By & { projectId: string; parameters: GoalDeclarationParameters }
>;

export type ReviewGoal = Command<
  'ReviewGoal',
  By & {
    projectId: string;
    decision: ReviewDecision;
    /** 优/良 with approve, 中 with return, 差 with reject. */
    rating: Grade;
    /** Optional review score; when given, its grade must be the rating. */
    score?: number;
    comments?: string;
    /** Required when returning: what to fix, per indicator. */
    indicatorComments?: readonly IndicatorComment[];
    /** Required to approve when the project needs 事前绩效评估. */
    exAnteAssessment?: ExAnteAssessmentOutcome;
    parameters: GoalDeclarationParameters;
  }
>;

/** 调整申请: the only way an approved goal changes. */
export type RequestGoalAdjustment = Command<'RequestGoalAdjustment', By & { projectId: string; reason: string }>;

/** The review deadline's timer fired: a reminder before it, or the deadline passed. */
export type RecordReviewDeadline = Command<
  'RecordReviewDeadline',
  By & { projectId: string; kind: 'reminder' | 'overdue'; reviewRound: number; dueAt: Timestamp }
>;

export type PerformanceGoalCommand =
  | RecordReviewDeadline
  | RegisterProject
  | DeclareGoal
  | SubmitGoalForReview
  | ReviewGoal
  | RequestGoalAdjustment;
