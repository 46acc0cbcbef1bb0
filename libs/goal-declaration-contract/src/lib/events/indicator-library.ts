import type { CategoryDefinition, IndicatorChanges, IndicatorDefinition } from '../values/indicator-library';
import type { By, Event } from './event';

/** Stream `indicatorLibrary-<region>-<fiscalYear>`: a region's 指标库 for one year. */
export const INDICATOR_LIBRARY_CATEGORY = 'indicatorLibrary';
export const indicatorLibraryStreamId = (region: string, fiscalYear: number): string =>
  `${INDICATOR_LIBRARY_CATEGORY}-${region}-${fiscalYear}`;

export type IndicatorLibraryOpened = Event<'IndicatorLibraryOpened', By & { region: string; fiscalYear: number; costLevelEnabled: boolean }>;
export type IndicatorCategoryDefined = Event<'IndicatorCategoryDefined', By & { category: CategoryDefinition }>;
export type IndicatorAdded = Event<'IndicatorAdded', By & { indicator: IndicatorDefinition }>;
/** Only the fields that actually changed. */
export type IndicatorRevised = Event<'IndicatorRevised', By & { indicatorId: string; changes: IndicatorChanges; reason?: string }>;
export type IndicatorRetired = Event<'IndicatorRetired', By & { indicatorId: string; reason: string }>;

export type IndicatorLibraryEvent = IndicatorLibraryOpened | IndicatorCategoryDefined | IndicatorAdded | IndicatorRevised | IndicatorRetired;

export const INDICATOR_LIBRARY_EVENT_SCHEMAS = {
  IndicatorLibraryOpened: 1,
  IndicatorCategoryDefined: 1,
  IndicatorAdded: 1,
  IndicatorRevised: 1,
  IndicatorRetired: 1,
} as const satisfies Record<IndicatorLibraryEvent['type'], number>;
