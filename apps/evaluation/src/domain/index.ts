export * from './parameters';
export * from './scoring';
export * from './self-evaluation';
export * from './shared/actor';
