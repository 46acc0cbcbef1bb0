export const EVENT_STORE = Symbol('EVENT_STORE');
/** The bounded context's name: CloudEvents `source` and the Kafka topic. */
export const SOURCE = 'evaluation';
/** The stream categories this service writes (`<category>-<id>`, no dash in the category). */
export const OWNED_CATEGORIES = ['selfEvaluation', 'keyEvaluation', 'thirdParty'];
/** Read models, inbox and relay checkpoint live here. */
export const SCHEMA = 'evaluation';

export const selfEvaluationStreamId = (projectId: string) => `selfEvaluation-${projectId}`;
export const keyEvaluationStreamId = (projectId: string) => `keyEvaluation-${projectId}`;
export const thirdPartyStreamId = (id: string) => `thirdParty-${id}`;
