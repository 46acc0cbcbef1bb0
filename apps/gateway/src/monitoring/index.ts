export * from './monitoring.client';
export * from './monitoring.module';
