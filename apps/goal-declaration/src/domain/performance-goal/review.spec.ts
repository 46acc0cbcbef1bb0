import { describe, expect, it } from '@jest/globals';
import { ExAnteAssessmentOutcome } from '../ex-ante-assessment/conclusion';
import { deciderSpec, stateAfter } from '../shared/testing/decider-spec';
import { goalSnapshot, performanceGoalDecider } from './index';
import {
  admin,
  approved,
  areaComment,
  declare,
  declared,
  otherUnitUser,
  params,
  project,
  registered,
  rejected,
  returned,
  review,
  reviewer,
  submit,
  submitted,
  unitUser,
} from './testing/fixtures';

const spec = deciderSpec(performanceGoalDecider);
const underReview = [registered(), declared(1), submitted(1)];

describe('performance goal › submission', () => {
  it('submits the first version into review round 1', () => spec.given([registered(), declared(1)]).when(submit()).then([submitted(1)]));
  it('refuses submitting without a declaration', () =>
    spec.given([registered()]).when(submit()).thenThrows('GOAL_NOT_DECLARED'));
  it('refuses submitting twice', () => spec.given(underReview).when(submit()).thenThrows('GOAL_UNDER_REVIEW'));
  it("refuses another unit's user", () =>
    spec.given([registered(), declared(1)]).when(submit(otherUnitUser)).thenThrows('NOT_OWNING_UNIT'));
  it('refuses a finance reviewer', () =>
    spec.given([registered(), declared(1)]).when(submit(reviewer)).thenThrows('FORBIDDEN'));
  it('refuses resubmitting a returned goal not revised', () =>
    spec.given([...underReview, returned(1)]).when(submit()).thenThrows('GOAL_NOT_REVISED', undefined, /退回后尚未修改/));
  it('resubmits a revised goal into the same review round', () =>
    spec.given([...underReview, returned(1), declared(2)]).when(submit()).then([submitted(2, 1, 2)]));
  it('refuses submitting an approved goal', () =>
    spec.given([...underReview, approved()]).when(submit()).thenThrows('GOAL_APPROVED_ADJUSTMENT_REQUIRED'));
  it('refuses submitting a rejected goal', () =>
    spec.given([...underReview, rejected()]).when(submit()).thenThrows('GOAL_REJECTED'));
});

describe('performance goal › review', () => {
  describe('who and when', () => {
    it.each([unitUser, admin])('only a finance reviewer decides (not $role)', (actor) =>
      spec.given(underReview).when(review('approve', 'excellent', { actor })).thenThrows('FORBIDDEN'));
    it('refuses reviewing a draft', () =>
      spec.given([registered(), declared(1)]).when(review('approve', 'excellent')).thenThrows('GOAL_NOT_SUBMITTED'));
    it('refuses reviewing an approved goal again', () =>
      spec.given([...underReview, approved()]).when(review('approve', 'good')).thenThrows('GOAL_NOT_SUBMITTED'));
    it('refuses an unknown decision', () =>
      spec.given(underReview).when(review('defer' as never, 'fair')).thenThrows('DECISION_INVALID', 'decision'));
  });

  describe('approve', () => {
    it('approves with 优', () => spec.given(underReview).when(review('approve', 'excellent')).then([approved(1, 1, 'excellent')]));
    it('approves with 良', () => spec.given(underReview).when(review('approve', 'good')).then([approved(1, 1, 'good')]));
    it('records score and comments', () =>
      spec
        .given(underReview)
        .when(review('approve', 'good', { score: 85, comments: '按意见完善后纳入预算' }))
        .then([{ type: 'GoalApproved', data: { ...approved(1, 1, 'good').data, score: 85, comments: '按意见完善后纳入预算' } } as never]));
    it('approves a goal revised after return', () =>
      spec.given([...underReview, returned(1), declared(2), submitted(2, 1, 2)]).when(review('approve', 'good')).then([approved(2, 1, 'good')]));
  });

  describe('rating consistent with the decision', () => {
    it.each([
      ['approve', 'fair'],
      ['approve', 'poor'],
      ['return', 'excellent'],
      ['return', 'good'],
      ['return', 'poor'],
      ['reject', 'fair'],
      ['reject', 'good'],
    ] as const)('refuses %s with %s', (decision, rating) =>
      spec
        .given(underReview)
        .when(review(decision, rating, { indicatorComments: [areaComment], comments: '意见' }))
        .thenThrows('RATING_INCONSISTENT', 'rating'));
    it('explains the inconsistency in Chinese', () =>
      spec
        .given(underReview)
        .when(review('approve', 'fair'))
        .thenThrows('RATING_INCONSISTENT', 'rating', '审核结论“审核通过”与评级“中”不一致：应评为“优”或“良”'));
    it('refuses an unknown rating', () =>
      spec.given(underReview).when(review('approve', 'A' as never)).thenThrows('RATING_INVALID', 'rating'));
    it('refuses a score whose grade differs from the rating', () =>
      spec
        .given(underReview)
        .when(review('approve', 'excellent', { score: 85 }))
        .thenThrows('SCORE_RATING_MISMATCH', 'score', '审核得分85分对应等级“良”，与评级“优”不一致'));
    it('refuses a score outside 0..100', () =>
      spec.given(underReview).when(review('approve', 'excellent', { score: 120 })).thenThrows('SCORE_INVALID', 'score'));
    it('grades the score with the region thresholds', () =>
      spec
        .given(underReview)
        .when(review('approve', 'excellent', { score: 86, parameters: params({ gradeThresholds: { excellent: 85, good: 75, fair: 60 } }) }))
        .then([{ type: 'GoalApproved', data: { ...approved(1, 1, 'excellent').data, score: 86 } } as never]));
  });

  describe('return', () => {
    it('returns with 中 and comments per indicator', () =>
      spec.given(underReview).when(review('return', 'fair', { indicatorComments: [areaComment] })).then([returned(1)]));
    it('requires indicator comments', () =>
      spec.given(underReview).when(review('return', 'fair')).thenThrows('INDICATOR_COMMENTS_REQUIRED', 'indicatorComments'));
    it('refuses a comment on an indicator not in the goal table', () =>
      spec
        .given(underReview)
        .when(review('return', 'fair', { indicatorComments: [{ indicatorName: '新增床位数', comment: '请补充' }] }))
        .thenThrows('INDICATOR_COMMENT_UNKNOWN', 'indicatorComments[0].indicatorName'));
    it('refuses a blank comment', () =>
      spec
        .given(underReview)
        .when(review('return', 'fair', { indicatorComments: [{ indicatorName: '改造校舍面积', comment: ' ' }] }))
        .thenThrows('INDICATOR_COMMENT_BLANK', 'indicatorComments[0].comment'));
    it('lets the unit revise and keeps the comments in state', () => {
      const state = stateAfter(performanceGoalDecider, [...underReview, returned(1)]);
      expect(state).toMatchObject({ status: 'returned', lastReturnComments: [areaComment], reviewRound: 1 });
      spec.given([...underReview, returned(1)]).when(declare()).then([declared(2)]);
    });
  });

  describe('reject', () => {
    it('rejects with 差 and a reason', () =>
      spec.given(underReview).when(review('reject', 'poor', { comments: '立项依据不充分' })).then([rejected()]));
    it('requires a reason', () =>
      spec.given(underReview).when(review('reject', 'poor')).thenThrows('REJECT_REASON_REQUIRED', 'comments'));
    it('ends the goal: no budget, no more changes', () => {
      const state = stateAfter(performanceGoalDecider, [...underReview, rejected()]);
      expect(state.status).toBe('rejected');
      expect(goalSnapshot(state)?.approved).toBeUndefined();
    });
  });

  describe('ex-ante assessment gate', () => {
    const major = { ...project, isNew: true, major: true };
    const majorUnderReview = [registered(major), declared(1), submitted(1)];
    const outcome = (conclusion: ExAnteAssessmentOutcome['conclusion'], projectId = project.projectId): ExAnteAssessmentOutcome => ({
      assessmentId: 'EA-1',
      projectId,
      conclusion,
      totalScore: conclusion === 'support' ? 86 : conclusion === 'reject' ? 52 : 70,
    });

    it('refuses approving a new major project without an assessment', () =>
      spec
        .given(majorUnderReview)
        .when(review('approve', 'excellent'))
        .thenThrows('EX_ANTE_ASSESSMENT_REQUIRED', 'exAnteAssessment', /须开展事前绩效评估/));
    it('refuses approving with 不予支持', () =>
      spec
        .given(majorUnderReview)
        .when(review('approve', 'excellent', { exAnteAssessment: outcome('reject') }))
        .thenThrows('EX_ANTE_ASSESSMENT_NOT_PASSED', 'exAnteAssessment.conclusion'));
    it("refuses another project's assessment", () =>
      spec
        .given(majorUnderReview)
        .when(review('approve', 'excellent', { exAnteAssessment: outcome('support', 'P-OTHER') }))
        .thenThrows('EX_ANTE_ASSESSMENT_MISMATCH'));
    it.each(['support', 'support-after-adjustment'] as const)('approves with %s', (conclusion) =>
      spec
        .given(majorUnderReview)
        .when(review('approve', 'good', { exAnteAssessment: outcome(conclusion) }))
        .then([{ type: 'GoalApproved', data: { ...approved(1, 1, 'good').data, exAnteAssessment: outcome(conclusion) } } as never]));
    it('counts amounts at the threshold as major', () =>
      spec
        .given([registered({ ...project, isNew: true, amount: 5_000_000 }), declared(1), submitted(1)])
        .when(review('approve', 'excellent'))
        .thenThrows('EX_ANTE_ASSESSMENT_REQUIRED'));
    it('requires it for an expiring project proposed to continue', () =>
      spec
        .given([registered({ ...project, amount: 8_000_000, expiringProposedToContinue: true }), declared(1), submitted(1)])
        .when(review('approve', 'excellent'))
        .thenThrows('EX_ANTE_ASSESSMENT_REQUIRED'));
    it('does not require it for a small new project', () =>
      spec
        .given([registered({ ...project, isNew: true }), declared(1), submitted(1)])
        .when(review('approve', 'excellent'))
        .then([approved()]));
    it('does not gate returns or rejections', () =>
      spec.given(majorUnderReview).when(review('return', 'fair', { indicatorComments: [areaComment] })).then([returned(1)]));
  });

  it('records who reviewed and when', () => {
    const state = stateAfter(performanceGoalDecider, [...underReview, approved()]);
    expect(state).toMatchObject({ status: 'approved', approved: { version: 1, rating: 'excellent', reviewRound: 1 } });
  });
});
