export * from './lib/activities';
export * from './lib/task-queue';
export type * from './workflows';
export * from './lib/goal-review/types';
export * from './lib/goal-review/activities';
export * from './lib/goal-review/definitions';
export * from './lib/goal-review/rules';
export * from './lib/goal-review/client';
