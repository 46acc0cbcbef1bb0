import { env, loadConfig } from './env-schema';
import { infraUrls } from './infra-defaults';

/** The services and their local HTTP ports. */
export const servicePorts = {
  gateway: 3000,
  'goal-declaration': 3001,
  monitoring: 3002,
  evaluation: 3003,
  'result-application': 3004,
  orchestrator: 3005,
} as const;

export type ServiceName = keyof typeof servicePorts;

/** What every service needs; a service adds its own rules with `loadConfig`. */
export function loadServiceConfig(service: ServiceName, source: NodeJS.ProcessEnv = process.env) {
  const urls = infraUrls(source);
  return loadConfig(
    {
      PORT: env.port(servicePorts[service]),
      HOST: env.string('127.0.0.1'),
      LOG_LEVEL: env.oneOf(['debug', 'info', 'warn', 'error'] as const, 'info'),
      DATABASE_URL: env.url(urls.databaseUrl, ['postgres:', 'postgresql:']),
      /** Only the store's owning service migrates with it; others never open it. */
      DATABASE_OWNER_URL: env.url(urls.databaseOwnerUrl, ['postgres:', 'postgresql:']),
      READ_MODEL_DATABASE_URL: env.url(urls.readModelDatabaseUrl, ['postgres:', 'postgresql:']),
      KAFKA_BROKERS: env.hostPorts(urls.kafkaBrokers.join(',')),
      TEMPORAL_ADDRESS: env.string(urls.temporalAddress),
      TEMPORAL_NAMESPACE: env.string(urls.temporalNamespace),
    },
    source,
  );
}

export type ServiceConfig = ReturnType<typeof loadServiceConfig>;
