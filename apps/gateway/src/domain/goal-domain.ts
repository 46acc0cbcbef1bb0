/**
 * The one door from the gateway into goal-declaration's pure domain (no Nest, no I/O):
 * enums for DTO validation, grades, and the goal decider's `evolve` for the auditors'
 * as-of replay. Imported by relative path by agreement until the domain moves to a lib;
 * keep every such import in this file.
 */
/* eslint-disable @nx/enforce-module-boundaries */
export { BUDGET_TYPES, PROJECT_TYPES, type BudgetType, type ProjectType } from '../../../goal-declaration/src/domain/project';
export { GRADE_LABELS, grade } from '../../../goal-declaration/src/domain/grades';
export { EX_ANTE_CONCLUSIONS, type ExAnteConclusion } from '../../../goal-declaration/src/domain/ex-ante-assessment/conclusion';
export { EX_ANTE_DIMENSIONS } from '../../../goal-declaration/src/domain/ex-ante-assessment/dimensions';
export { DIRECTIONS, INDICATOR_KINDS } from '../../../goal-declaration/src/domain/shared/indicator-values';
export { LEVEL1, LEVEL2_BY_LEVEL1 } from '../../../goal-declaration/src/domain/shared/indicator-levels';
export {
  GOAL_STATUS_LABELS,
  evolve as evolveGoal,
  initialState as initialGoalState,
  performanceGoalStreamId,
  type GoalStatus,
  type PerformanceGoalEvent,
  type PerformanceGoalState,
} from '../../../goal-declaration/src/domain/performance-goal';
