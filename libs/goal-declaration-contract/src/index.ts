/**
 * The published contract of the goal-declaration bounded context (绩效目标): what other
 * services may know of it. Its event types with their schema versions (and runtime schemas of
 * the goal stream's), its internal API's payloads, and its shared values (ratings 优/良/中/差,
 * review decisions, ex-ante conclusions, budget and project types, goal statuses). Plain
 * types and constants; no framework. goal-declaration's domain re-exports these, so each has
 * one definition.
 */
export * from './lib/publication';
export * from './lib/values/ratings';
export * from './lib/values/review-decisions';
export * from './lib/values/ex-ante';
export * from './lib/values/project';
export * from './lib/values/indicators';
export * from './lib/values/goal-declaration';
export * from './lib/values/indicator-library';
export * from './lib/values/supplemental-funding';
export * from './lib/events/event';
export * from './lib/events/performance-goal';
export * from './lib/events/performance-goal.schemas';
export * from './lib/events/ex-ante-assessment';
export * from './lib/events/supplemental-funding';
export * from './lib/events/indicator-library';
export * from './lib/api/internal-api';
