export * from './domain-error';
export * from './error-kinds';
export * from './decider';
export * from './actor';
export * from './text';
export * from './indicator-levels';
export * from './indicator-values';
