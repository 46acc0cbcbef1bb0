export * from './framework';
export * from './key-evaluation';
