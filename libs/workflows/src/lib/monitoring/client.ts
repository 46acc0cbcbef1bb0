/**
 * How the monitoring service (and its event bridge) talk to the monitoring workflows.
 * Not workflow code.
 */
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import type { correctiveCaseFollowUp } from './corrective-case.workflow';
import { answerCorrectiveUpdate, correctiveCaseQuery, financeDecidedSignal, monthlyCycleQuery } from './definitions';
import type { HasWorkflowClient } from '../goal-review/client';
import type { monthlyMonitoringCycle } from './monthly-cycle.workflow';
import type { CorrectiveRefusalCode } from './rules';
import {
  correctiveFollowUpWorkflowId,
  monthlyCycleWorkflowId,
  type CorrectiveAnswer,
  type CorrectiveAnswerResult,
  type CorrectiveFollowUp,
  type CorrectiveFollowUpInput,
  type FinanceDecision,
  type MonthlyCycleInput,
  type MonthlyCycleStatus,
} from './types';

/** HTTP status for each refusal the follow-up itself makes (validator). */
export const CORRECTIVE_REFUSAL_STATUS: Readonly<Record<CorrectiveRefusalCode, number>> = {
  CORRECTIVE_ROLE_FORBIDDEN: 403,
  CORRECTIVE_NOT_OWNING_UNIT: 403,
  CORRECTIVE_CASE_CLOSED: 409,
  CORRECTIVE_ANSWER_IN_PROGRESS: 409,
};

/**
 * A corrective answer or look-up refused: `message` in Chinese for the user, `code` for
 * machines, `status` for the gateway (403, 404, 409, 422, 503).
 */
export class CorrectiveCaseError extends Error {
  override readonly name = 'CorrectiveCaseError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const followUpHandle = (client: HasWorkflowClient, caseId: string): WorkflowHandle<typeof correctiveCaseFollowUp> =>
  client.workflow.getHandle<typeof correctiveCaseFollowUp>(correctiveFollowUpWorkflowId(caseId));

/** Starts the follow-up of an opened case. Idempotent: starting it again returns the running one. */
export async function startCorrectiveFollowUp(client: HasWorkflowClient, input: CorrectiveFollowUpInput): Promise<WorkflowHandle<typeof correctiveCaseFollowUp>> {
  const workflowId = correctiveFollowUpWorkflowId(input.caseId);
  try {
    return await client.workflow.start<typeof correctiveCaseFollowUp>('correctiveCaseFollowUp', {
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowId,
      args: [input],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle(workflowId);
    throw err;
  }
}

/** The unit's answer through the `answer` update; refusals become `CorrectiveCaseError`. */
export async function answerCorrectiveCase(client: HasWorkflowClient, caseId: string, answer: CorrectiveAnswer): Promise<CorrectiveAnswerResult> {
  const handle = followUpHandle(client, caseId);
  try {
    return await handle.executeUpdate(answerCorrectiveUpdate, { args: [answer] });
  } catch (err) {
    throw await correctiveError(err, handle);
  }
}

export async function describeCorrectiveCase(client: HasWorkflowClient, caseId: string): Promise<CorrectiveFollowUp> {
  const handle = followUpHandle(client, caseId);
  try {
    return await handle.query(correctiveCaseQuery);
  } catch (err) {
    throw await correctiveError(err, handle);
  }
}

/** Finance suspended or stopped the project's allocation (`AllocationRestricted` on the case stream). */
export async function signalFinanceDecided(client: HasWorkflowClient, caseId: string, decision: FinanceDecision): Promise<void> {
  await followUpHandle(client, caseId).signal(financeDecidedSignal, decision);
}

/** Starts the region's monthly cycle for the year. Idempotent. */
export async function startMonthlyCycle(client: HasWorkflowClient, input: MonthlyCycleInput): Promise<WorkflowHandle<typeof monthlyMonitoringCycle>> {
  const workflowId = monthlyCycleWorkflowId(input.region, input.fiscalYear);
  try {
    return await client.workflow.start<typeof monthlyMonitoringCycle>('monthlyMonitoringCycle', {
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowId,
      args: [input],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle(workflowId);
    throw err;
  }
}

export async function describeMonthlyCycle(client: HasWorkflowClient, region: string, fiscalYear: number): Promise<MonthlyCycleStatus> {
  return client.workflow.getHandle(monthlyCycleWorkflowId(region, fiscalYear)).query(monthlyCycleQuery);
}

async function correctiveError(err: unknown, handle: WorkflowHandle): Promise<unknown> {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const code = err.cause.type ?? 'CORRECTIVE_REFUSED';
    return new CorrectiveCaseError(err.cause.message, code, statusOf(code, err.cause.details));
  }
  if (err instanceof WorkflowNotFoundError) {
    const closed = await handle.describe().then(
      (d) => d.status.name !== 'RUNNING',
      () => false,
    );
    return closed
      ? new CorrectiveCaseError('该纠偏事项已办结', 'CORRECTIVE_CASE_CLOSED', 409)
      : new CorrectiveCaseError('未找到该纠偏事项：如刚开启，跟踪任务可能仍在生成，请稍后重试', 'CORRECTIVE_CASE_NOT_FOUND', 404);
  }
  return err;
}

function statusOf(code: string, details: readonly unknown[] | null | undefined): number {
  if (code in CORRECTIVE_REFUSAL_STATUS) return CORRECTIVE_REFUSAL_STATUS[code as CorrectiveRefusalCode];
  if (code === 'MONITORING_UNAVAILABLE') return 503;
  // monitoring's refusals carry the status of its problem+json answer.
  const status = (details?.[0] as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 422;
}

/**
 * The region's monthly monitoring cycle for a fiscal year, from `fromMonth` (January for a new
 * year). Idempotent: a second start, e.g. by the annual cycle after a finance admin, returns
 * the running cycle. Resolves once started; the cycle runs until December's reports fall due.
 */
export async function startMonitoringCycle(client: HasWorkflowClient, region: string, fiscalYear: number, fromMonth = 1): Promise<{ workflowId: string; runId: string }> {
  const handle = await startMonthlyCycle(client, { region, fiscalYear, month: fromMonth });
  const { runId } = await handle.describe();
  return { workflowId: handle.workflowId, runId };
}
