import { DIRECTIONS, INDICATOR_KINDS, type Direction, type IndicatorKind } from '@bpm/goal-declaration-contract';
import { trimmed } from './text';

export {
  DIRECTIONS,
  DIRECTION_LABELS,
  INDICATOR_KINDS,
  INDICATOR_KIND_LABELS,
  type Direction,
  type IndicatorKind,
  type TargetValue,
} from '@bpm/goal-declaration-contract';

export const isDirection = (value: unknown): value is Direction =>
  typeof value === 'string' && (DIRECTIONS as readonly string[]).includes(value);

export const isIndicatorKind = (value: unknown): value is IndicatorKind =>
  typeof value === 'string' && (INDICATOR_KINDS as readonly string[]).includes(value);

export const isQuantitative = (direction: Direction): boolean => direction !== 'qualitative';

const PERCENT_UNITS = ['%', '％', '百分比', '百分率'];

/** Rates expressed in percent: their targets live in 0..100. */
export const isPercentUnit = (unit: string | undefined): boolean =>
  PERCENT_UNITS.includes(trimmed(unit));
