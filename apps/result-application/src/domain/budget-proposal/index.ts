export * from './proposals';
export * from './review';
export * from './export';
