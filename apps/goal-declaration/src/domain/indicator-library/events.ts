/** Published events: their one definition is goal-declaration's contract. */
export type {
  IndicatorAdded,
  IndicatorCategoryDefined,
  IndicatorLibraryEvent,
  IndicatorLibraryOpened,
  IndicatorRetired,
  IndicatorRevised,
} from '@bpm/goal-declaration-contract';
