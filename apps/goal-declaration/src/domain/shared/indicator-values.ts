import { trimmed } from './text';

export const DIRECTIONS = ['>=', '<=', '=', 'qualitative'] as const;
/** `>=` higher is better, `<=` lower is better, `=` hit the value, or qualitative (定性). */
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  '>=': '≥（越大越好）',
  '<=': '≤（越小越好）',
  '=': '=（等于目标值）',
  qualitative: '定性',
};

export const INDICATOR_KINDS = ['common', 'individual'] as const;
/** 共性指标 must come from the library; 个性指标 are added per industry and project. */
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  common: '共性指标',
  individual: '个性指标',
};

export const isDirection = (value: unknown): value is Direction =>
  typeof value === 'string' && (DIRECTIONS as readonly string[]).includes(value);

export const isIndicatorKind = (value: unknown): value is IndicatorKind =>
  typeof value === 'string' && (INDICATOR_KINDS as readonly string[]).includes(value);

export const isQuantitative = (direction: Direction): boolean => direction !== 'qualitative';

const PERCENT_UNITS = ['%', '％', '百分比', '百分率'];

/** Rates expressed in percent: their targets live in 0..100. */
export const isPercentUnit = (unit: string | undefined): boolean =>
  PERCENT_UNITS.includes(trimmed(unit));

/** A target is a number for quantitative indicators, text for qualitative ones. */
export type TargetValue = number | string;
