import { Decider } from '../shared';
import { SupplementalFundingCommand } from './commands';
import { decide } from './decide';
import { SupplementalFundingEvent } from './events';
import { evolve } from './evolve';
import { SupplementalFundingState, initialState } from './state';

export * from './types';
export * from './commands';
export * from './events';
export * from './state';
export * from './rules';
export { decide, evolve };

export const supplementalFundingDecider: Decider<SupplementalFundingState, SupplementalFundingCommand, SupplementalFundingEvent> = {
  initialState,
  evolve,
  decide,
};

export { supplementalFundingStreamId } from '@bpm/goal-declaration-contract';
