import { GOAL_DECLARATION_CONTEXT } from '@bpm/goal-declaration-contract';

export const EVENT_STORE = Symbol('EVENT_STORE');
/** The bounded context's name: CloudEvents `source` and the Kafka topic. */
export const SOURCE = GOAL_DECLARATION_CONTEXT;
/** The stream categories this service writes (`<category>-<id>`). */
export const OWNED_CATEGORIES = ['goal', 'indicatorLibrary', 'exAnteAssessment', 'supplementalFunding'];
