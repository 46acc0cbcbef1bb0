export const EVENT_STORE = Symbol('EVENT_STORE');
/** The bounded context's name: CloudEvents `source` and the Kafka topic. */
export const SOURCE = 'monitoring';
/** The stream categories this service writes (`<category>-<id>`, no dash in the category). */
export const OWNED_CATEGORIES = ['projectExecution', 'executionImport', 'monitoringReport', 'monitoringWarning', 'correctiveCase', 'allocationSuspension'];
/** Read models, inbox and relay checkpoint live here. */
export const SCHEMA = 'monitoring';
