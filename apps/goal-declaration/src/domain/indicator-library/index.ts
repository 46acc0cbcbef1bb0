import { Decider } from '../shared';
import { IndicatorLibraryCommand } from './commands';
import { decide } from './decide';
import { IndicatorLibraryEvent } from './events';
import { evolve } from './evolve';
import { IndicatorLibraryState, initialState } from './state';

export * from './types';
export * from './commands';
export * from './events';
export * from './state';
export * from './lookup';
export { indicatorRules, categoryRules } from './rules';
export { decide, evolve };

export const indicatorLibraryDecider: Decider<IndicatorLibraryState, IndicatorLibraryCommand, IndicatorLibraryEvent> = {
  initialState,
  evolve,
  decide,
};

export { indicatorLibraryStreamId } from '@bpm/goal-declaration-contract';
