export * from './lib/envelope';
export * from './lib/canonical-json';
