import type { Provider } from '@nestjs/common';
import { InternalTokenIssuer } from '@bpm/auth';
import type { CorrectiveCaseActivities } from '@bpm/workflows';
import { createCorrectiveCaseActivities } from './activities';
import { loadMonitoringConfig, MONITORING_CONFIG, type MonitoringConfig } from './monitoring.config';

export const CORRECTIVE_CASE_ACTIVITIES = Symbol('CORRECTIVE_CASE_ACTIVITIES');

/** Config and activities of the corrective-case follow-up, for the worker to register. */
export const monitoringProviders: Provider[] = [
  { provide: MONITORING_CONFIG, useFactory: (): MonitoringConfig => loadMonitoringConfig() },
  {
    provide: CORRECTIVE_CASE_ACTIVITIES,
    useFactory: (config: MonitoringConfig): CorrectiveCaseActivities =>
      createCorrectiveCaseActivities(config, InternalTokenIssuer.fromEnv('orchestrator')),
    inject: [MONITORING_CONFIG],
  },
];
