import { describe, expect, it } from '@jest/globals';
import { Decider } from './shared';
import { deciderSpec, stateAfter } from './shared/testing/decider-spec';
import { exAnteAssessmentDecider } from './ex-ante-assessment';
import { indicatorLibraryDecider } from './indicator-library';
import { performanceGoalDecider } from './performance-goal';
import {
  adjustmentRequested,
  approved,
  areaComment,
  declaration,
  declared,
  registered,
  returned,
  review,
  submitted,
} from './performance-goal/testing/fixtures';
import { supplementalFundingDecider } from './supplemental-funding';

/**
 * State as a union of cases, for every aggregate: `evolve` keeps the state on an event it does
 * not know (or one that cannot apply to the case at hand), `decide` refuses a command it does
 * not know, and each case of a goal holds exactly what is true in it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<any, any, any>;

const aggregates: [string, AnyDecider][] = [
  ['performance goal', performanceGoalDecider],
  ['indicator library', indicatorLibraryDecider],
  ['ex-ante assessment', exAnteAssessmentDecider],
  ['supplemental funding', supplementalFundingDecider],
];

const fromTheFuture = { type: 'SomethingAddedNextYear', data: { anything: 1 } };

describe.each(aggregates)('%s', (_name, decider) => {
  it('given its initial case, evolve keeps it on an event type it does not know', () => {
    const initial = decider.initialState();
    expect(decider.evolve(initial, fromTheFuture)).toBe(initial);
  });

  it('when asked an unknown command, decide refuses it (COMMAND_UNKNOWN) instead of ignoring it', () => {
    const actor = { userId: 'a', role: 'finance-admin' };
    deciderSpec(decider).given([]).when({ type: 'DoSomethingElse', data: { actor } }).thenThrows('COMMAND_UNKNOWN');
  });
});

describe('performance goal cases', () => {
  const spec = deciderSpec(performanceGoalDecider);
  const underReview = [registered(), declared(1), submitted(1)];

  it('given a goal under review, an unknown event leaves that very case', () => {
    const state = stateAfter(performanceGoalDecider, underReview);
    expect(performanceGoalDecider.evolve(state, fromTheFuture as never)).toBe(state);
  });

  it('a registered draft holds its project and no declaration yet', () => {
    expect(stateAfter(performanceGoalDecider, [registered()])).toEqual({
      status: 'draft',
      project: expect.objectContaining({ projectId: 'P-2026-001' }),
      version: 0,
      reviewRound: 0,
      submission: 0,
    });
  });

  it('a returned goal holds what the reviewer asked and the version to revise; resubmitted, it no longer does', () => {
    const back = stateAfter(performanceGoalDecider, [...underReview, returned(1)]);
    expect(back).toMatchObject({ status: 'returned', mustReviseAfterVersion: 1, lastReturnComments: [areaComment], adjusting: false });
    const again = stateAfter(performanceGoalDecider, [...underReview, returned(1), declared(2), submitted(2, 1, 2)]);
    expect(again).toMatchObject({ status: 'submitted', version: 2, submission: 2 });
    expect(again).not.toHaveProperty('mustReviseAfterVersion');
    expect(again).not.toHaveProperty('lastReturnComments');
  });

  it('an approved goal holds its goal in force; an adjustment request keeps it while the draft changes', () => {
    const inForce = stateAfter(performanceGoalDecider, [...underReview, approved(1)]);
    expect(inForce).toMatchObject({ status: 'approved', approved: { version: 1, declaration }, declaration });
    const adjusting = stateAfter(performanceGoalDecider, [...underReview, approved(1), adjustmentRequested(1, 2)]);
    expect(adjusting).toMatchObject({ status: 'adjustment-requested', approved: { version: 1 }, mustReviseAfterVersion: 1, reviewRound: 2 });
  });

  it('an event that cannot apply to the case leaves it: no approval of an unregistered or undeclared goal', () => {
    const nothing = performanceGoalDecider.initialState();
    expect(performanceGoalDecider.evolve(nothing, approved(1))).toBe(nothing);
    const draft = stateAfter(performanceGoalDecider, [registered()]);
    expect(performanceGoalDecider.evolve(draft, approved(1))).toBe(draft);
  });

  it('a second registration does not reset the goal', () => {
    const state = stateAfter(performanceGoalDecider, underReview);
    expect(performanceGoalDecider.evolve(state, registered())).toBe(state);
  });

  it('given no registration, when reviewed, then PROJECT_NOT_REGISTERED (404)', () => {
    spec.given([]).when(review('approve', 'excellent')).thenThrows('PROJECT_NOT_REGISTERED');
  });
});
