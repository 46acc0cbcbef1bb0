import { describe, it } from '@jest/globals';
import { deciderSpec } from '../shared/testing/decider-spec';
import { performanceGoalDecider } from './index';
import { PerformanceGoalEvent } from './events';

const spec = deciderSpec(performanceGoalDecider);
const system = { userId: 'orchestrator', role: 'system' as const };
const submitted = { type: 'GoalSubmittedForReview', data: { projectId: 'P1', unitId: 'U1', fiscalYear: 2026, version: 1, reviewRound: 1, submission: 1, isAdjustment: false, reviewDeadlineDays: 10, reminderDaysBefore: 2, by: 'u', at: '2025-10-01T00:00:00.000Z' } } as const;
const at = '2025-10-09T00:00:00.000Z';
const dueAt = '2025-10-11T00:00:00.000Z';
const registered = { type: 'ProjectRegistered', data: { by: 'u', at, project: { projectId: 'P1' } } } as unknown as PerformanceGoalEvent;
// A goal is submitted only once declared: the submitted case holds its declaration.
const declared = { type: 'GoalDeclared', data: { projectId: 'P1', version: 1, declaration: { overallGoal: '目标', indicators: [] }, by: 'u', at } } as unknown as PerformanceGoalEvent;

describe('review deadline facts', () => {
  it('records a reminder while the round is under review', () => {
    spec
      .given([registered, declared, submitted])
      .when({ type: 'RecordReviewDeadline', data: { actor: system, at, projectId: 'P1', kind: 'reminder', reviewRound: 1, dueAt } })
      .then([{ type: 'GoalReviewReminderSent', data: { projectId: 'P1', reviewRound: 1, dueAt, by: 'orchestrator', at } }]);
  });

  it('records nothing for a round already decided or another round', () => {
    spec
      .given([registered, declared, submitted])
      .when({ type: 'RecordReviewDeadline', data: { actor: system, at, projectId: 'P1', kind: 'overdue', reviewRound: 2, dueAt } })
      .thenNothing();
  });

  it('only the platform itself records deadlines', () => {
    spec
      .given([registered, declared, submitted])
      .when({ type: 'RecordReviewDeadline', data: { actor: { userId: 'x', role: 'unit', unitId: 'U1' }, at, projectId: 'P1', kind: 'overdue', reviewRound: 1, dueAt } })
      .thenThrows('FORBIDDEN');
  });
});
