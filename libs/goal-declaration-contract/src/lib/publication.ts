import { EX_ANTE_ASSESSMENT_EVENT_SCHEMAS } from './events/ex-ante-assessment';
import { INDICATOR_LIBRARY_EVENT_SCHEMAS } from './events/indicator-library';
import { PERFORMANCE_GOAL_EVENT_SCHEMAS } from './events/performance-goal';
import { SUPPLEMENTAL_FUNDING_EVENT_SCHEMAS } from './events/supplemental-funding';

/**
 * Where goal-declaration publishes: the CloudEvents `source` of its events and the name of its
 * Kafka topic (`bpm.goal-declaration.events.v1`, from messaging's `topicFor`), keyed by stream
 * so one aggregate's events stay in order on one of its partitions.
 */
export const GOAL_DECLARATION_CONTEXT = 'goal-declaration';
export const GOAL_DECLARATION_PARTITIONS = 6;

/** Every event type goal-declaration publishes, with the schema version of its `data`. */
export const GOAL_DECLARATION_EVENT_SCHEMAS = {
  ...INDICATOR_LIBRARY_EVENT_SCHEMAS,
  ...PERFORMANCE_GOAL_EVENT_SCHEMAS,
  ...EX_ANTE_ASSESSMENT_EVENT_SCHEMAS,
  ...SUPPLEMENTAL_FUNDING_EVENT_SCHEMAS,
} as const;
export type GoalDeclarationEventType = keyof typeof GOAL_DECLARATION_EVENT_SCHEMAS;
