import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { KeyEvaluationMilestone, KeyEvaluationSchedule } from './types';

/** A milestone was reached (from the evaluation service's events, through the Kafka bridge). */
export const milestoneReachedSignal = defineSignal<[{ milestone: KeyEvaluationMilestone; at: string }]>('milestoneReached');
export const keyEvaluationScheduleQuery = defineQuery<KeyEvaluationSchedule>('keyEvaluationSchedule');
