/**
 * How result-application and the gateway talk to rectification workflows. Not workflow code.
 */
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowClient, type WorkflowHandle } from '@temporalio/client';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import { measuresAnsweredSignal, rectificationCaseQuery, rectificationIssuedSignal, verifyMeasureUpdate } from './definitions';
import type { rectificationCase } from './rectification.workflow';
import type { VerificationRefusalCode } from './rules';
import { rectificationWorkflowId, type MeasureVerification, type MeasureVerificationResult, type RectificationCase, type RectificationCaseInput, type RectificationIssuedSignal } from './types';

export type HasRectificationClient = { readonly workflow: WorkflowClient };

export const VERIFICATION_REFUSAL_STATUS: Readonly<Record<VerificationRefusalCode, number>> = {
  RECTIFICATION_ROLE_FORBIDDEN: 403,
  RECTIFICATION_NOT_OPEN: 409,
  REQUIREMENT_NOT_FOUND: 404,
  REQUIREMENT_NOT_AWAITING_VERIFICATION: 409,
  VERIFICATION_IN_PROGRESS: 409,
};

/** A refusal with its Chinese message, stable code and the HTTP status to answer with. */
export class RectificationCaseError extends Error {
  override readonly name = 'RectificationCaseError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const handleOf = (client: HasRectificationClient, caseId: string): WorkflowHandle<typeof rectificationCase> => client.workflow.getHandle(rectificationWorkflowId(caseId));

/** Starts the case's clocks when the result is final. Idempotent. */
export async function startRectificationCase(client: HasRectificationClient, input: RectificationCaseInput, taskQueue = ORCHESTRATOR_TASK_QUEUE): Promise<WorkflowHandle<typeof rectificationCase>> {
  const workflowId = rectificationWorkflowId(input.caseId);
  try {
    return await client.workflow.start<typeof rectificationCase>('rectificationCase', { taskQueue, workflowId, args: [input], workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY' });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return client.workflow.getHandle(workflowId);
    throw err;
  }
}

export const signalRectificationIssued = (client: HasRectificationClient, caseId: string, issued: RectificationIssuedSignal) => handleOf(client, caseId).signal(rectificationIssuedSignal, issued);
export const signalMeasuresAnswered = (client: HasRectificationClient, caseId: string, requirementId: string) => handleOf(client, caseId).signal(measuresAnsweredSignal, { requirementId });

export async function verifyMeasure(client: HasRectificationClient, caseId: string, verification: MeasureVerification): Promise<MeasureVerificationResult> {
  const handle = handleOf(client, caseId);
  try {
    return await handle.executeUpdate(verifyMeasureUpdate, { args: [verification] });
  } catch (err) {
    throw await caseError(err, handle);
  }
}

export async function describeRectificationCase(client: HasRectificationClient, caseId: string): Promise<RectificationCase> {
  const handle = handleOf(client, caseId);
  try {
    return await handle.query(rectificationCaseQuery);
  } catch (err) {
    throw await caseError(err, handle);
  }
}

async function caseError(err: unknown, handle: WorkflowHandle): Promise<unknown> {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const code = err.cause.type ?? 'RECTIFICATION_REFUSED';
    const status = code in VERIFICATION_REFUSAL_STATUS ? VERIFICATION_REFUSAL_STATUS[code as VerificationRefusalCode] : code === 'RESULT_APPLICATION_UNAVAILABLE' ? 503 : 422;
    return new RectificationCaseError(err.cause.message, code, status);
  }
  if (err instanceof WorkflowNotFoundError) {
    const closed = await handle.describe().then((d) => d.status.name !== 'RUNNING', () => false);
    return closed ? new RectificationCaseError('整改事项已办结', 'RECTIFICATION_NOT_OPEN', 409) : new RectificationCaseError('未找到该整改事项', 'RECTIFICATION_NOT_FOUND', 404);
  }
  return err;
}
