import type { Provider } from '@nestjs/common';
import { InternalTokenIssuer } from '@bpm/auth';
import type { GoalReviewActivities } from '@bpm/workflows';
import { createGoalReviewActivities } from './activities';
import { GOAL_REVIEW_CONFIG, loadGoalReviewConfig, type GoalReviewConfig } from './goal-review.config';

export const GOAL_REVIEW_ACTIVITIES = Symbol('GOAL_REVIEW_ACTIVITIES');

/** Config and activities of the goal review workflow, for the worker to register. */
export const goalReviewProviders: Provider[] = [
  { provide: GOAL_REVIEW_CONFIG, useFactory: (): GoalReviewConfig => loadGoalReviewConfig() },
  {
    provide: GOAL_REVIEW_ACTIVITIES,
    // The orchestrator's signing key (BPM_INTERNAL_SIGNING_KEY, or derived in local mode).
    useFactory: (config: GoalReviewConfig): GoalReviewActivities =>
      createGoalReviewActivities(config, InternalTokenIssuer.fromEnv('orchestrator')),
    inject: [GOAL_REVIEW_CONFIG],
  },
];
