// The worker's workflow bundle entry: every workflow type, and nothing that does I/O.
export * from './lib/wiring-check.workflow';
export * from './lib/goal-review/goal-review.workflow';
export * from './lib/key-evaluation/key-evaluation.workflow';
export * from './lib/rectification/rectification.workflow';
export * from './lib/monitoring/corrective-case.workflow';
export * from './lib/monitoring/monthly-cycle.workflow';
