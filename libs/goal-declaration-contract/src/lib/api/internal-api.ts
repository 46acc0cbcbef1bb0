/**
 * goal-declaration's internal HTTP API (`/internal/…`) as it receives commands and answers
 * them: the shapes the gateway and the orchestrator's activities send and read.
 */
import type { ExAnteAssessmentOutcome } from '../values/ex-ante';
import type { GoalDeclaration, GoalStatus } from '../values/goal-declaration';
import type { Project } from '../values/project';
import type { Grade } from '../values/ratings';
import type { IndicatorComment, ReviewDecision } from '../values/review-decisions';

/** `POST /internal/projects` */
export type RegisterProjectRequest = Readonly<{ project: Project }>;
export type RegisterProjectResponse = Readonly<{ projectId: string; version: number }>;

/** `PUT /internal/goals/:projectId/declaration` */
export type DeclareGoalRequest = Readonly<{ declaration: GoalDeclaration }>;
export type DeclareGoalResponse = Readonly<{ projectId: string; version: number; streamVersion: number }>;

/** `POST /internal/goals/:projectId/submission` (no body) */
export type SubmitGoalResponse = Readonly<{ projectId: string; reviewRound: number; submission: number; version: number }>;

/** `POST /internal/goals/:projectId/review-decision`: one reviewer's decision, from the review workflow. */
export type ReviewDecisionRequest = Readonly<{
  decision: ReviewDecision;
  rating: Grade;
  score?: number;
  comments?: string;
  indicatorComments?: readonly IndicatorComment[];
}>;
export type ReviewDecisionResponse = Readonly<{ projectId: string; status: GoalStatus; version: number }>;

/** `POST /internal/goals/:projectId/review-events`: the review workflow's timers. */
export const REVIEW_EVENT_KINDS = ['reminder', 'overdue'] as const;
export type ReviewEventRequest = Readonly<{ kind: (typeof REVIEW_EVENT_KINDS)[number]; reviewRound: number; dueAt: string }>;

/** `POST /internal/goals/:projectId/adjustment-requests` */
export type GoalAdjustmentRequest = Readonly<{ reason: string }>;

/**
 * `GET /internal/goals/:projectId/state?asOf=`: the goal as it stood at a moment, folded by
 * goal-declaration with its own rules (the auditors' replay). `state` is the owning service's
 * view of the goal; read `status` for the case it was in.
 */
export type GoalStateAsOf = Readonly<{
  projectId: string;
  stream: string;
  /** ISO 8601: the moment asked for. */
  asOf: string;
  /** The stream's version at that moment (0: no event yet). */
  version: number;
  lastEventTime?: string;
  status: GoalStatus;
  statusLabel: string;
  state: Readonly<Record<string, unknown>>;
}>;

export type { ExAnteAssessmentOutcome };
