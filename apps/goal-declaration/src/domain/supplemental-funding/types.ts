/** Published values: defined in goal-declaration's contract. */
export {
  FUND_SOURCES,
  FUND_SOURCE_LABELS,
  type FundSource,
  type UpperLevelGoalTable,
  type UpperLevelIndicator,
} from '@bpm/goal-declaration-contract';
