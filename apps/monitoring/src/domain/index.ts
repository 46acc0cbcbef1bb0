export * from './shared';
export * from './calendar';
export * from './parameters';
export * from './execution';
export * from './warnings';
export * from './monitoring-report';
export * from './corrective-case';
export * from './shared/rational';
