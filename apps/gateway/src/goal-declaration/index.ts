export * from './api-docs';
export * from './goal-access';
export * from './goal-declaration.client';
export * from './goal-declaration.module';
export * from './upstream-problem';
export * from './versioning';
