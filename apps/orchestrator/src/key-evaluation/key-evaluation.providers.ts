import type { Provider } from '@nestjs/common';
import { InternalTokenIssuer } from '@bpm/auth';
import type { KeyEvaluationActivities } from '@bpm/workflows';
import { createKeyEvaluationActivities, loadKeyEvaluationConfig } from './activities';
import { KeyEvaluationBridge } from './key-evaluation-bridge.service';

export const KEY_EVALUATION_ACTIVITIES = Symbol('KEY_EVALUATION_ACTIVITIES');

/** The key-evaluation schedule's activities (orchestrator-signed calls to evaluation) and its Kafka bridge. */
export const keyEvaluationProviders: Provider[] = [
  { provide: KEY_EVALUATION_ACTIVITIES, useFactory: (): KeyEvaluationActivities => createKeyEvaluationActivities(loadKeyEvaluationConfig(), InternalTokenIssuer.fromEnv('orchestrator')) },
  KeyEvaluationBridge,
];
