export * from './monitoring.client';
export * from './monitoring.module';
export * from './corrective-answers';
