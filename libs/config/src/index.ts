export * from './lib/env-schema';
export * from './lib/infra-defaults';
export * from './lib/local-mode';
export * from './lib/service-config';
export * from './lib/db-roles-sql';
export * from './lib/checkpoint-config';
