import type { Client } from '@temporalio/client';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import { keyEvaluationScheduleQuery, milestoneReachedSignal } from './definitions';
import { KeyEvaluationMilestone, KeyEvaluationScheduleInput, keyEvaluationWorkflowId } from './types';

/** Starts the schedule once per evaluation; a second start of the same evaluation is a no-op. */
export async function startKeyEvaluationSchedule(client: Client, input: KeyEvaluationScheduleInput) {
  return client.workflow.start('keyEvaluationSchedule', {
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowId: keyEvaluationWorkflowId(input.projectId),
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

export async function signalMilestoneReached(client: Client, projectId: string, milestone: KeyEvaluationMilestone, at: string) {
  await client.workflow.getHandle(keyEvaluationWorkflowId(projectId)).signal(milestoneReachedSignal, { milestone, at });
}

export async function describeKeyEvaluationSchedule(client: Client, projectId: string) {
  return client.workflow.getHandle(keyEvaluationWorkflowId(projectId)).query(keyEvaluationScheduleQuery);
}
