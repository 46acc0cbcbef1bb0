/** Where monitoring's internal HTTP API is, and how long one call may take. */
export interface MonitoringConfig {
  monitoringUrl: string;
  timeoutMs: number;
}

export const MONITORING_CONFIG = Symbol('MONITORING_CONFIG');

type Env = Record<string, string | undefined>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

/** `MONITORING_URL` (default http://127.0.0.1:3002, as the gateway's) and `UPSTREAM_TIMEOUT_MS` (default 10000). */
export function loadMonitoringConfig(env: Env = process.env): MonitoringConfig {
  const monitoringUrl = (nonEmpty(env['MONITORING_URL']) ?? 'http://127.0.0.1:3002').replace(/\/+$/, '');
  const { protocol } = new URL(monitoringUrl); // fail at start-up, not on the first escalation
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`MONITORING_URL must be an http(s) URL, got "${monitoringUrl}"`);
  const timeoutMs = Number(nonEmpty(env['UPSTREAM_TIMEOUT_MS']) ?? 10_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error('UPSTREAM_TIMEOUT_MS must be a positive integer');
  return { monitoringUrl, timeoutMs };
}
