export * from './proposals';
export * from './review';
