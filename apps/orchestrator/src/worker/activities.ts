import type { CorrectiveCaseActivities, GoalReviewActivities, KeyEvaluationActivities, WiringActivities } from '@bpm/workflows';

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
  correctiveCase: CorrectiveCaseActivities,
  keyEvaluation?: KeyEvaluationActivities,
): WiringActivities & GoalReviewActivities & CorrectiveCaseActivities & Partial<KeyEvaluationActivities> {
  return { ...createActivities(service), ...goalReview, ...correctiveCase, ...keyEvaluation };
}
