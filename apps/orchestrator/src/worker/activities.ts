import type { AnnualCycleActivities, GoalReviewActivities, WiringActivities } from '@bpm/workflows';

/** Activities do the I/O that workflows may not. */
export function createActivities(service: string): WiringActivities {
  return {
    async describeService() {
      return service;
    },
  };
}

/** Every activity the orchestrator's worker registers. */
export function createWorkerActivities(
  service: string,
  goalReview: GoalReviewActivities,
  annualCycle?: AnnualCycleActivities,
): WiringActivities & GoalReviewActivities & Partial<AnnualCycleActivities> {
  return { ...createActivities(service), ...goalReview, ...annualCycle };
}
