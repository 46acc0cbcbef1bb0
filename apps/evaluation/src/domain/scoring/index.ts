export * from './exact';
export * from './grade';
export * from './indicator-score';
export * from './execution-score';
export * from './self-evaluation-score';
