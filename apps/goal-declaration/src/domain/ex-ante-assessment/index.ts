import { Decider } from '../shared';
import { ExAnteAssessmentCommand } from './commands';
import { decide } from './decide';
import { ExAnteAssessmentEvent } from './events';
import { evolve } from './evolve';
import { ExAnteAssessmentState, initialState } from './state';

export * from './conclusion';
export * from './dimensions';
export * from './requirement';
export * from './scoring';
export * from './commands';
export * from './events';
export * from './state';
export { decide, evolve };

export const exAnteAssessmentDecider: Decider<ExAnteAssessmentState, ExAnteAssessmentCommand, ExAnteAssessmentEvent> = {
  initialState,
  evolve,
  decide,
};

export { exAnteAssessmentStreamId } from '@bpm/goal-declaration-contract';
