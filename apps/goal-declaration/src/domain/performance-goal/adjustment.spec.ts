import { describe, expect, it } from '@jest/globals';
import { deciderSpec, stateAfter } from '../shared/testing/decider-spec';
import { GoalDeclaration, PerformanceGoalEvent, goalSnapshot, performanceGoalDecider } from './index';
import {
  adjustmentRequested,
  approved,
  area,
  at,
  declaration,
  declare,
  declared,
  project,
  registered,
  requestAdjustment,
  returned,
  review,
  reviewer,
  submit,
  submitted,
  withIndicator,
} from './testing/fixtures';

const spec = deciderSpec(performanceGoalDecider);
const inForce = [registered(), declared(1), submitted(1), approved(1)];
const adjusted: GoalDeclaration = withIndicator({ ...area, annualTarget: 15000 });

describe('performance goal › adjustment (调整申请)', () => {
  it('opens a new review round on request', () =>
    spec.given(inForce).when(requestAdjustment()).then([adjustmentRequested(1, 2)]));
  it('requires a reason', () =>
    spec.given(inForce).when(requestAdjustment('')).thenThrows('ADJUSTMENT_REASON_REQUIRED', 'reason'));
  it('only the owning unit requests', () =>
    spec.given(inForce).when(requestAdjustment('x', reviewer)).thenThrows('FORBIDDEN'));
  it('refuses when the goal is not approved', () =>
    spec.given([registered(), declared(1)]).when(requestAdjustment()).thenThrows('GOAL_NOT_APPROVED'));
  it('refuses a second request while one is open', () =>
    spec.given([...inForce, adjustmentRequested()]).when(requestAdjustment()).thenThrows('GOAL_NOT_APPROVED'));

  const requested = [...inForce, adjustmentRequested()];
  it('lets the unit declare the adjusted goal', () =>
    spec.given(requested).when(declare(adjusted)).then([declared(2, adjusted)]));
  it('refuses submitting before declaring the adjusted goal', () =>
    spec.given(requested).when(submit()).thenThrows('GOAL_NOT_REVISED', undefined, /调整申请/));
  it('submits the adjustment into the new round', () =>
    spec.given([...requested, declared(2, adjusted)]).when(submit()).then([submitted(2, 2, 1, true)]));

  const adjustmentUnderReview = [...requested, declared(2, adjusted), submitted(2, 2, 1, true)];
  it('approves the adjustment: the new version is in force', () => {
    spec.given(adjustmentUnderReview).when(review('approve', 'good')).then([approved(2, 2, 'good', true)]);
    const state = stateAfter(performanceGoalDecider, [...adjustmentUnderReview, approved(2, 2, 'good', true)]);
    expect(goalSnapshot(state)).toEqual({
      projectId: project.projectId,
      unitId: project.unitId,
      fiscalYear: 2026,
      status: 'approved',
      approved: { version: 2, declaration: adjusted },
    });
  });

  it('returns the adjustment, which is revised and resubmitted in the same round', () => {
    const history: PerformanceGoalEvent[] = [...adjustmentUnderReview, returned(2, 2), declared(3, adjusted)];
    spec.given(history).when(submit()).then([submitted(3, 2, 2, true)]);
  });

  it('refuses an adjustment: the approved goal stays in force', () => {
    const refused: PerformanceGoalEvent = {
      type: 'GoalAdjustmentRejected',
      data: {
        projectId: project.projectId,
        version: 2,
        reviewRound: 2,
        rating: 'poor',
        reason: '调整理由不充分',
        comments: '调整理由不充分',
        approvedVersion: 1,
        by: reviewer.userId,
        at,
      },
    };
    spec.given(adjustmentUnderReview).when(review('reject', 'poor', { comments: '调整理由不充分' })).then([refused]);
    const state = stateAfter(performanceGoalDecider, [...adjustmentUnderReview, refused]);
    expect(state).toMatchObject({ status: 'approved', declaration });
    expect(goalSnapshot(state)?.approved).toEqual({ version: 1, declaration });
  });

  it('needs a fresh declaration for a second adjustment after a refused one', () => {
    const refused: PerformanceGoalEvent = {
      type: 'GoalAdjustmentRejected',
      data: { projectId: project.projectId, version: 2, reviewRound: 2, rating: 'poor', reason: 'x', approvedVersion: 1, by: reviewer.userId, at },
    };
    spec
      .given([...adjustmentUnderReview, refused, adjustmentRequested(1, 3)])
      .when(submit())
      .thenThrows('GOAL_NOT_REVISED');
  });

  it('keeps the ex-ante outcome from the first approval', () => {
    const major = { ...project, isNew: true, major: true };
    const outcome = { assessmentId: 'EA-1', projectId: project.projectId, conclusion: 'support' as const, totalScore: 88 };
    const first: PerformanceGoalEvent = {
      type: 'GoalApproved',
      data: { ...approved(1).data, exAnteAssessment: outcome } as never,
    };
    spec
      .given([registered(major), declared(1), submitted(1), first, adjustmentRequested(), declared(2, adjusted), submitted(2, 2, 1, true)])
      .when(review('approve', 'excellent'))
      .then([{ type: 'GoalApproved', data: { ...approved(2, 2, 'excellent', true).data, exAnteAssessment: outcome } } as never]);
  });

  it('walks the whole state machine', () => {
    const statuses = [
      registered(),
      declared(1),
      submitted(1),
      returned(1),
      declared(2),
      submitted(2, 1, 2),
      approved(2),
      adjustmentRequested(2, 2),
      declared(3, adjusted),
      submitted(3, 2, 1, true),
      approved(3, 2, 'good', true),
    ].map((_, n, all) => stateAfter(performanceGoalDecider, all.slice(0, n + 1)).status);
    expect(statuses).toEqual([
      'draft',
      'draft',
      'submitted',
      'returned',
      'returned',
      'submitted',
      'approved',
      'adjustment-requested',
      'adjustment-requested',
      'submitted',
      'approved',
    ]);
  });
});
