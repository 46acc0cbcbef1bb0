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

/**
 * The database logins, least privilege first (docs/ARCHITECTURE.md, "Database roles"):
 * `app` appends and reads events and nothing else; `owner` owns the event store and runs its
 * migrations; `read` owns the read-model schemas (projections, inboxes, checkpoints); `admin` is
 * the superuser, used only by the local launcher to create the roles. Local passwords equal the
 * role names; production passes every URL as a secret.
 */
export const dbRoles = { owner: 'bpm_owner', app: 'bpm_app', read: 'bpm_read' } as const;

function pgUrl(user: string, password: string, env: NodeJS.ProcessEnv) {
  return `postgres://${user}:${password}@127.0.0.1:${infraPort('BPM_PG_PORT', env)}/bpm`;
}

/** Connection strings derived from the ports, unless given outright. */
export function infraUrls(env: NodeJS.ProcessEnv = process.env) {
  return {
    databaseUrl: env['DATABASE_URL'] ?? pgUrl(dbRoles.app, dbRoles.app, env),
    databaseOwnerUrl: env['DATABASE_OWNER_URL'] ?? pgUrl(dbRoles.owner, dbRoles.owner, env),
    readModelDatabaseUrl: env['READ_MODEL_DATABASE_URL'] ?? pgUrl(dbRoles.read, dbRoles.read, env),
    databaseAdminUrl: env['DATABASE_ADMIN_URL'] ?? pgUrl('postgres', 'postgres', env),
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? `127.0.0.1:${infraPort('BPM_KAFKA_PORT', env)}`).split(','),
    temporalAddress: env['TEMPORAL_ADDRESS'] ?? `127.0.0.1:${infraPort('BPM_TEMPORAL_PORT', env)}`,
    temporalNamespace: env['TEMPORAL_NAMESPACE'] ?? 'default',
  };
}
