/**
 * goal-declaration domain (绩效目标): pure deciders, no Nest, no I/O.
 * Each bounded piece is also exported as a namespace, since they share
 * the names `decide`, `evolve` and `initialState`.
 */
export * from './shared';
export * from './grades';
export * from './parameters';
export * from './project';

export * as IndicatorLibrary from './indicator-library';
export * as PerformanceGoal from './performance-goal';
export * as ExAnteAssessment from './ex-ante-assessment';
export * as SupplementalFunding from './supplemental-funding';

export { indicatorLibraryDecider, indicatorLibraryStreamId, indicatorLookup } from './indicator-library';
export type { IndicatorDefinition, CategoryDefinition, IndicatorLookup, IndicatorLibrarySeed } from './indicator-library';
export { performanceGoalDecider, performanceGoalStreamId, goalSnapshot, validateDeclaration, requireRegistered } from './performance-goal';
export type { GoalDeclaration, DeclaredIndicator, GoalSnapshot } from './performance-goal';
export { exAnteAssessmentDecider, exAnteAssessmentStreamId, requiresExAnteAssessment, exAnteOutcome } from './ex-ante-assessment';
export type { ExAnteConclusion, ExAnteAssessmentOutcome } from './ex-ante-assessment';
export { supplementalFundingDecider, supplementalFundingStreamId } from './supplemental-funding';
