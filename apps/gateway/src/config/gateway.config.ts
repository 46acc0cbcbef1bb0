/** The gateway's own settings, on top of `@bpm/service`'s (port, database, Temporal). */
export interface GatewayConfig {
  /** Base URL of goal-declaration's internal HTTP API. */
  goalDeclarationUrl: string;
  /** Upstream request timeout; past it the client gets a 504 problem. */
  upstreamTimeoutMs: number;
  /** Schema of the PostgreSQL event store the auditors read. */
  eventStoreSchema: string;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

type Env = Record<string, string | undefined>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

/** `GOAL_DECLARATION_URL`, `UPSTREAM_TIMEOUT_MS`, `EVENT_STORE_SCHEMA`, with local defaults. */
export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const goalDeclarationUrl = (nonEmpty(env['GOAL_DECLARATION_URL']) ?? 'http://127.0.0.1:3001').replace(/\/+$/, '');
  const url = new URL(goalDeclarationUrl); // fail at start-up, not on the first request
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`GOAL_DECLARATION_URL must be an http(s) URL, got "${goalDeclarationUrl}"`);
  }
  const timeout = Number(nonEmpty(env['UPSTREAM_TIMEOUT_MS']) ?? 10_000);
  if (!Number.isInteger(timeout) || timeout <= 0) throw new Error('UPSTREAM_TIMEOUT_MS must be a positive integer');
  const eventStoreSchema = nonEmpty(env['EVENT_STORE_SCHEMA']) ?? 'event_store';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(eventStoreSchema)) throw new Error('EVENT_STORE_SCHEMA must be a plain SQL identifier');
  return { goalDeclarationUrl, upstreamTimeoutMs: timeout, eventStoreSchema };
}
