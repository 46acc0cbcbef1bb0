import { Event, Timestamp } from '../shared';
import { CategoryDefinition, IndicatorChanges, IndicatorDefinition } from './types';

type By = { by: string; at: Timestamp };

export type IndicatorLibraryOpened = Event<
  'IndicatorLibraryOpened',
  By & { region: string; fiscalYear: number; costLevelEnabled: boolean }
>;
export type IndicatorCategoryDefined = Event<'IndicatorCategoryDefined', By & { category: CategoryDefinition }>;
export type IndicatorAdded = Event<'IndicatorAdded', By & { indicator: IndicatorDefinition }>;
/** Only the fields that actually changed. */
export type IndicatorRevised = Event<
  'IndicatorRevised',
  By & { indicatorId: string; changes: IndicatorChanges; reason?: string }
>;
export type IndicatorRetired = Event<'IndicatorRetired', By & { indicatorId: string; reason: string }>;

export type IndicatorLibraryEvent =
  | IndicatorLibraryOpened
  | IndicatorCategoryDefined
  | IndicatorAdded
  | IndicatorRevised
  | IndicatorRetired;
