/**
 * The ports and addresses of the local infrastructure. The launcher in deploy/local,
 * docker-compose.yml and every service read the same variables with the same defaults,
 * so a fresh clone works with no configuration at all.
 */
export const infraPortDefaults = {
  BPM_PG_PORT: 54329,
  BPM_KAFKA_PORT: 19092,
  BPM_KAFKA_CONTROLLER_PORT: 19093,
  BPM_TEMPORAL_PORT: 7233,
  BPM_TEMPORAL_UI_PORT: 8233,
} as const;

export type InfraPortName = keyof typeof infraPortDefaults;

export function infraPort(name: InfraPortName, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  return raw ? Number(raw) : infraPortDefaults[name];
}

/** Connection strings derived from the ports, unless given outright. */
export function infraUrls(env: NodeJS.ProcessEnv = process.env) {
  return {
    databaseUrl:
      env['DATABASE_URL'] ??
      `postgres://postgres:postgres@127.0.0.1:${infraPort('BPM_PG_PORT', env)}/bpm`,
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? `127.0.0.1:${infraPort('BPM_KAFKA_PORT', env)}`).split(','),
    temporalAddress: env['TEMPORAL_ADDRESS'] ?? `127.0.0.1:${infraPort('BPM_TEMPORAL_PORT', env)}`,
    temporalNamespace: env['TEMPORAL_NAMESPACE'] ?? 'default',
  };
}
