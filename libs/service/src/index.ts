export * from './lib/bootstrap';
export * from './lib/connections';
export * from './lib/health/health.controller';
export * from './lib/health/probes';
export * from './lib/runtime.module';
export * from './lib/tokens';
