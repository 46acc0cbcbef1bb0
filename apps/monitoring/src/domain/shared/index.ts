export * from './domain-error';
export * from './decider';
export * from './actor';
export * from './text';
