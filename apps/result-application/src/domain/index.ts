export * from './parameters';
export * from './shared/actor';
export * from './shared/calendar';
export * from './shared/money';
export * from './rectification';
export * from './budget-proposal';
export * from './overlap';
export * from './disclosure';
