import { Decider } from '../shared';
import { PerformanceGoalCommand } from './commands';
import { decide } from './decide';
import { PerformanceGoalEvent } from './events';
import { evolve } from './evolve';
import { PerformanceGoalState, initialState } from './state';

export * from './types';
export * from './commands';
export * from './events';
export * from './state';
export * from './snapshot';
export * from './review-rules';
export * from './rules';
export { decide, evolve };

export const performanceGoalDecider: Decider<PerformanceGoalState, PerformanceGoalCommand, PerformanceGoalEvent> = {
  initialState,
  evolve,
  decide,
};

export { performanceGoalStreamId } from '@bpm/goal-declaration-contract';
