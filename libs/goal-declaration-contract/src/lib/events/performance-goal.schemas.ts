/**
 * Runtime schemas of the goal stream's events (zod), for consumers that must not trust what
 * crosses the wire. Each is typed against the event's TS type, so the two cannot drift apart.
 */
import { z } from 'zod';
import { EX_ANTE_CONCLUSIONS } from '../values/ex-ante';
import { DIRECTIONS, INDICATOR_KINDS, LEVEL1, LEVEL2_BY_LEVEL1 } from '../values/indicators';
import { BUDGET_TYPES, PROJECT_TYPES } from '../values/project';
import type {
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
} from './performance-goal';

const text = z.string().min(1);
const count = z.number().int().min(0);
const positive = z.number().int().min(1);
const by = { by: text, at: text };
const reviewed = { ...by, projectId: text, version: positive, reviewRound: positive, score: z.number().optional(), comments: z.string().optional() };
const target = z.union([z.number(), z.string()]);
const level2 = z.enum(Object.values(LEVEL2_BY_LEVEL1).flat() as [(typeof LEVEL2_BY_LEVEL1)[keyof typeof LEVEL2_BY_LEVEL1][number]]);
const indicatorComment = z.object({ indicatorName: text, comment: text });

const project = z.object({
  projectId: text,
  name: text,
  unitId: text,
  region: text,
  fiscalYear: z.number().int(),
  budget: z.enum(BUDGET_TYPES),
  projectType: z.enum(PROJECT_TYPES),
  amount: z.number(),
  isNew: z.boolean(),
  multiYear: z.object({ startYear: z.number().int(), endYear: z.number().int() }).optional(),
  major: z.boolean().optional(),
  expiringProposedToContinue: z.boolean().optional(),
});

const declaration = z.object({
  overallGoal: z.string(),
  periodOverallGoal: z.string().optional(),
  indicators: z.array(
    z.object({
      indicatorId: z.string().optional(),
      name: text,
      level1: z.enum(LEVEL1),
      level2,
      kind: z.enum(INDICATOR_KINDS),
      direction: z.enum(DIRECTIONS),
      unitOfMeasure: z.string().optional(),
      annualTarget: target.optional(),
      periodTarget: target.optional(),
      weight: z.number().optional(),
    }),
  ),
  keyTasks: z.array(z.object({ name: text, amount: z.number(), description: z.string().optional() })).optional(),
});

const exAnteOutcome = z.object({ assessmentId: text, projectId: text, conclusion: z.enum(EX_ANTE_CONCLUSIONS), totalScore: z.number() });
const reviewDue = z.object({ ...by, projectId: text, reviewRound: positive, dueAt: text });

type DataOf<E extends PerformanceGoalEvent> = E['data'];

export const PERFORMANCE_GOAL_EVENT_DATA = {
  ProjectRegistered: z.object({ ...by, project }) satisfies z.ZodType<DataOf<ProjectRegistered>>,
  GoalDeclared: z.object({ ...by, projectId: text, version: positive, declaration }) satisfies z.ZodType<DataOf<GoalDeclared>>,
  GoalSubmittedForReview: z.object({
    ...by,
    projectId: text,
    unitId: text,
    fiscalYear: z.number().int(),
    version: positive,
    reviewRound: positive,
    submission: positive,
    isAdjustment: z.boolean(),
    reviewDeadlineDays: positive,
    reminderDaysBefore: count,
  }) satisfies z.ZodType<DataOf<GoalSubmittedForReview>>,
  GoalApproved: z.object({
    ...reviewed,
    rating: z.enum(['excellent', 'good']),
    isAdjustment: z.boolean(),
    exAnteAssessment: exAnteOutcome.optional(),
  }) satisfies z.ZodType<DataOf<GoalApproved>>,
  GoalReturned: z.object({ ...reviewed, rating: z.literal('fair'), indicatorComments: z.array(indicatorComment) }) satisfies z.ZodType<
    DataOf<GoalReturned>
  >,
  GoalRejected: z.object({ ...reviewed, rating: z.literal('poor'), reason: text }) satisfies z.ZodType<DataOf<GoalRejected>>,
  GoalAdjustmentRequested: z.object({ ...by, projectId: text, reason: text, approvedVersion: positive, reviewRound: positive }) satisfies z.ZodType<
    DataOf<GoalAdjustmentRequested>
  >,
  GoalAdjustmentRejected: z.object({ ...reviewed, rating: z.literal('poor'), reason: text, approvedVersion: positive }) satisfies z.ZodType<
    DataOf<GoalAdjustmentRejected>
  >,
  GoalReviewReminderSent: reviewDue satisfies z.ZodType<DataOf<GoalReviewReminderSent>>,
  GoalReviewOverdue: reviewDue satisfies z.ZodType<DataOf<GoalReviewOverdue>>,
} as const satisfies Record<PerformanceGoalEvent['type'], z.ZodType>;

export class ContractViolation extends Error {
  constructor(readonly eventType: string, readonly issues: readonly string[]) {
    super(`event ${eventType} does not match its published schema: ${issues.join('; ')}`);
    this.name = 'ContractViolation';
  }
}

/**
 * A goal stream event as published, checked against its schema: the typed event, or
 * `undefined` for a type this contract does not name (a newer producer; consumers skip it).
 * Throws ContractViolation when a known type carries data of the wrong shape.
 */
export function parsePerformanceGoalEvent(event: { type: string; data: unknown }): PerformanceGoalEvent | undefined {
  if (!Object.prototype.hasOwnProperty.call(PERFORMANCE_GOAL_EVENT_DATA, event.type)) return undefined;
  const type = event.type as PerformanceGoalEvent['type'];
  const parsed = PERFORMANCE_GOAL_EVENT_DATA[type].safeParse(event.data);
  if (!parsed.success) {
    throw new ContractViolation(type, parsed.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`));
  }
  return { type, data: parsed.data } as PerformanceGoalEvent;
}
