export * from './types';
export * from './bands';
export * from './execution-warning';
export * from './indicator-warning';
export * from './assess';
