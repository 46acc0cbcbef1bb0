export const EVENT_STORE = Symbol('EVENT_STORE');
/** The bounded context's name: CloudEvents `source` and the Kafka topic. */
export const SOURCE = 'result-application';
/** The stream categories this service writes (`<category>-<id>`). */
export const OWNED_CATEGORIES = ['rectification', 'budgetProposal', 'budgetExport', 'overlap', 'disclosure'];
export const READ_MODEL_SCHEMA = 'result_application';
