import { IndicatorLibraryState } from './state';
import { IndicatorLookup } from './types';

/** Snapshot of the library for goal commands (includes retired ones, so the goal can say why). */
export const indicatorLookup = (state: IndicatorLibraryState): IndicatorLookup =>
  state.status === 'open' ? state.indicators : {};
