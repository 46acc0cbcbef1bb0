export * from './parameters';
export * from './scoring';
export * from './self-evaluation';
export * from './shared/actor';
export * from './third-party/third-party';
export * from './key-evaluation';
