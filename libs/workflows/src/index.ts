export * from './lib/activities';
export * from './lib/task-queue';
export type * from './workflows';
