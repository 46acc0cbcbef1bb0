/** Injection tokens for the connections every service shares. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
/** Logs in as the application role: append and read events, nothing else. */
export const PG_POOL = Symbol('PG_POOL');
/** Logs in as the read-model role: projections, inboxes and relay checkpoints, in their own schemas. */
export const READ_MODEL_POOL = Symbol('READ_MODEL_POOL');
export const KAFKA = Symbol('KAFKA');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
