import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Resubmission, ReviewDecision, ReviewDecisionResult, ReviewTask } from './types';

/** A reviewer's decision; validated (role, task open, rating fits decision) before it is accepted. */
export const decideUpdate = defineUpdate<ReviewDecisionResult, [ReviewDecision]>('decide');
/** The unit resubmitted the returned goal table (from the goal-declaration event bridge). */
export const resubmittedSignal = defineSignal<[Resubmission]>('resubmitted');
/** The review task as the inbox shows it. */
export const reviewTaskQuery = defineQuery<ReviewTask>('reviewTask');
