export {
  EX_ANTE_DIMENSIONS,
  EX_ANTE_DIMENSION_LABELS,
  type DimensionScore,
  type ExAnteDimension,
  type ScoredDimension,
  type SubItemScore,
} from '@bpm/goal-declaration-contract';
