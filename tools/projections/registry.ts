import type { Projection } from '@bpm/messaging';

/**
 * Every projection the platform runs, by name. Services add theirs here, e.g.
 *   import { goalSummaryProjection } from '../../apps/goal-declaration/src/projections/goal-summary';
 *   export const projections: Projection[] = [goalSummaryProjection];
 * A registry module may also export `createRuntime(projection)` (see ProjectionRegistryModule)
 * when a projection's read model lives elsewhere than the environment defaults.
 */
export const projections: Projection[] = [];
