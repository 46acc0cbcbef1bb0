import type { Direction, TargetValue } from './indicators';

export const FUND_SOURCES = ['central', 'provincial', 'municipal'] as const;
/** 上级资金: 中央 / 省级 / 市级 */
export type FundSource = (typeof FUND_SOURCES)[number];
export const FUND_SOURCE_LABELS: Record<FundSource, string> = { central: '中央', provincial: '省级', municipal: '市级' };

/** The upper level's goal table as printed on the notice (区域绩效目标表); not tied to our library. */
export type UpperLevelIndicator = Readonly<{
  name: string;
  level1?: string;
  level2?: string;
  direction?: Direction;
  unitOfMeasure?: string;
  target: TargetValue;
}>;

export type UpperLevelGoalTable = Readonly<{ overallGoal: string; indicators: readonly UpperLevelIndicator[] }>;
