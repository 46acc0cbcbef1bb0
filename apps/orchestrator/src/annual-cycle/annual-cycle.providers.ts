import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { InternalTokenIssuer } from '@bpm/auth';
import { PostgresEventStore } from '@bpm/event-store';
import type { ServiceConfig } from '@bpm/config';
import { PG_POOL, SERVICE_CONFIG } from '@bpm/service';
import type { AnnualCycleActivities } from '@bpm/workflows';
import { GOAL_REVIEW_CONFIG, type GoalReviewConfig } from '../goal-review/goal-review.config';
import { recordCycleEvent, type CycleEventStore } from './cycle-events';
import { createCycleStages } from './stages';

export const ANNUAL_CYCLE_ACTIVITIES = Symbol('ANNUAL_CYCLE_ACTIVITIES');

/** The cycle's activities: its event stream in the one event store, and the stages. */
export function createAnnualCycleActivities(
  store: CycleEventStore,
  stages: Omit<AnnualCycleActivities, 'recordCycleEvent'>,
): AnnualCycleActivities {
  return { ...stages, recordCycleEvent: (input) => recordCycleEvent(store, input) };
}

export const annualCycleProviders: Provider[] = [
  {
    provide: ANNUAL_CYCLE_ACTIVITIES,
    inject: [PG_POOL, SERVICE_CONFIG, GOAL_REVIEW_CONFIG],
    useFactory: async (pool: Pool, service: ServiceConfig, config: GoalReviewConfig): Promise<AnnualCycleActivities> => {
      // As every writer: migrate as the owner (idempotent; whoever starts first), append as the application role.
      const store = new PostgresEventStore({ pool, schema: 'event_store', listen: false, ownerConnectionString: service.DATABASE_OWNER_URL });
      await store.migrate();
      const stages = createCycleStages({ ...config, monitoringCycleAvailable: false }, InternalTokenIssuer.fromEnv('orchestrator'));
      return createAnnualCycleActivities(store, stages);
    },
  },
];
