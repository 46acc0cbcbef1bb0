export * from './similarity';
export * from './overlap';
