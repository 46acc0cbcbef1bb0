/** The gateway's own settings, on top of `@bpm/service`'s (port, database, Temporal). */
export interface GatewayConfig {
  /** Base URL of goal-declaration's internal HTTP API. */
  goalDeclarationUrl: string;
  /** Base URL of monitoring's internal HTTP API. */
  monitoringUrl: string;
  /** Upstream request timeout; past it the client gets a 504 problem. */
  upstreamTimeoutMs: number;
  /** Schema of the PostgreSQL event store the auditors read. */
  eventStoreSchema: string;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

type Env = Record<string, string | undefined>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

function serviceUrl(env: Env, name: string, fallback: string): string {
  const value = (nonEmpty(env[name]) ?? fallback).replace(/\/+$/, '');
  const url = new URL(value); // fail at start-up, not on the first request
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  return value;
}

/** `GOAL_DECLARATION_URL`, `MONITORING_URL`, `UPSTREAM_TIMEOUT_MS`, `EVENT_STORE_SCHEMA`, with local defaults. */
export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const goalDeclarationUrl = serviceUrl(env, 'GOAL_DECLARATION_URL', 'http://127.0.0.1:3001');
  const monitoringUrl = serviceUrl(env, 'MONITORING_URL', 'http://127.0.0.1:3002');
  const timeout = Number(nonEmpty(env['UPSTREAM_TIMEOUT_MS']) ?? 10_000);
  if (!Number.isInteger(timeout) || timeout <= 0) throw new Error('UPSTREAM_TIMEOUT_MS must be a positive integer');
  const eventStoreSchema = nonEmpty(env['EVENT_STORE_SCHEMA']) ?? 'event_store';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(eventStoreSchema)) throw new Error('EVENT_STORE_SCHEMA must be a plain SQL identifier');
  return { goalDeclarationUrl, monitoringUrl, upstreamTimeoutMs: timeout, eventStoreSchema };
}
