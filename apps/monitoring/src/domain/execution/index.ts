export * from './money';
export * from './execution-figures';
