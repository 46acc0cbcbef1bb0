/** The goal table, its indicators and the review's values are published: defined in goal-declaration's contract. */
export {
  REVIEW_DECISIONS,
  REVIEW_DECISION_LABELS,
  type DeclaredIndicator,
  type GoalDeclaration,
  type IndicatorComment,
  type KeyTask,
  type ReviewDecision,
} from '@bpm/goal-declaration-contract';
