import { IndicatorLibraryEvent } from './events';
import { IndicatorLibraryState } from './state';

export const evolve = (state: IndicatorLibraryState, event: IndicatorLibraryEvent): IndicatorLibraryState => {
  if (event.type === 'IndicatorLibraryOpened') {
    // Opened once; opening again would wipe the library.
    if (state.status !== 'unopened') return state;
    const { region, fiscalYear, costLevelEnabled } = event.data;
    return { status: 'open', region, fiscalYear, costLevelEnabled, categories: {}, indicators: {} };
  }
  if (state.status !== 'open') return state;

  switch (event.type) {
    case 'IndicatorCategoryDefined': {
      const { category } = event.data;
      return { ...state, categories: { ...state.categories, [category.id]: category } };
    }
    case 'IndicatorAdded': {
      const { indicator } = event.data;
      return { ...state, indicators: { ...state.indicators, [indicator.id]: { ...indicator, status: 'active' } } };
    }
    case 'IndicatorRevised': {
      const current = state.indicators[event.data.indicatorId];
      if (!current) return state;
      return { ...state, indicators: { ...state.indicators, [current.id]: { ...current, ...event.data.changes } } };
    }
    case 'IndicatorRetired': {
      const current = state.indicators[event.data.indicatorId];
      if (!current) return state;
      return { ...state, indicators: { ...state.indicators, [current.id]: { ...current, status: 'retired' } } };
    }
    default:
      // A type this code does not know (e.g. from a newer schema): the state stays.
      return state;
  }
};
