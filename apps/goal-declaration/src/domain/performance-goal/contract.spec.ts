import { describe, expect, it } from '@jest/globals';
import { ContractViolation, PERFORMANCE_GOAL_EVENT_SCHEMAS, parsePerformanceGoalEvent } from '@bpm/goal-declaration-contract';
import { PerformanceGoalCommand } from './commands';
import { PerformanceGoalEvent } from './events';
import { performanceGoalDecider } from './index';
import { areaComment, declare, register, requestAdjustment, review, submit } from './testing/fixtures';

/** Runs commands through the decider, as the service does, collecting every event decided. */
function run(commands: PerformanceGoalCommand[]): PerformanceGoalEvent[] {
  let state = performanceGoalDecider.initialState();
  const all: PerformanceGoalEvent[] = [];
  for (const command of commands) {
    const events = performanceGoalDecider.decide(command, state);
    state = events.reduce(performanceGoalDecider.evolve, state);
    all.push(...events);
  }
  return all;
}

describe('performance goal › its published contract', () => {
  const lifecycle = run([
    register(),
    declare(),
    submit(),
    review('return', 'fair', { indicatorComments: [areaComment] }),
    declare(),
    submit(),
    review('approve', 'good'),
    requestAdjustment(),
    declare(),
    submit(),
    review('reject', 'poor', { comments: '调整理由不充分' }),
  ]);

  it('every event the decider writes matches the schema goal-declaration publishes', () => {
    expect(lifecycle.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ProjectRegistered', 'GoalDeclared', 'GoalSubmittedForReview', 'GoalReturned', 'GoalApproved', 'GoalAdjustmentRequested']),
    );
    for (const event of lifecycle) expect(parsePerformanceGoalEvent(event)).toEqual(event);
  });

  it('names a schema version for every event type', () => {
    for (const event of lifecycle) expect(PERFORMANCE_GOAL_EVENT_SCHEMAS[event.type]).toBe(1);
  });

  it('refuses data of the wrong shape, and passes over a type it does not name', () => {
    const submitted = lifecycle.find((e) => e.type === 'GoalSubmittedForReview');
    expect(() => parsePerformanceGoalEvent({ type: 'GoalSubmittedForReview', data: { ...submitted?.data, reviewRound: 'one' } })).toThrow(
      ContractViolation,
    );
    expect(parsePerformanceGoalEvent({ type: 'GoalArchived', data: {} })).toBeUndefined();
  });
});
