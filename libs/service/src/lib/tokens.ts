/** Injection tokens for the connections every service shares. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const PG_POOL = Symbol('PG_POOL');
export const KAFKA = Symbol('KAFKA');
export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
