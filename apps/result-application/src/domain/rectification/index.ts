export * from './commands';
export * from './events';
export * from './state';
export * from './evolve';
export * from './decide';
