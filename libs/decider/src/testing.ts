/** Test-only helpers: import from `@bpm/decider/testing` in *.spec.ts files. */
export * from './lib/testing/decider-spec';
