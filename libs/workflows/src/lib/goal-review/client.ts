/**
 * How the gateway (and the event bridge) talk to goal review workflows. Not workflow code.
 */
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowClient,
  type WorkflowHandle,
} from '@temporalio/client';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import { decideUpdate, resubmittedSignal, reviewTaskQuery } from './definitions';
import type { goalReview } from './goal-review.workflow';
import type { ReviewRefusalCode } from './rules';
import { goalReviewWorkflowId, type GoalReviewInput, type ReviewDecision, type ReviewDecisionResult, type ReviewTask } from './types';

/** Anything holding a workflow client, e.g. `@temporalio/client`'s `Client`. */
export type HasWorkflowClient = { readonly workflow: WorkflowClient };

/** HTTP status for each refusal the workflow itself makes (validator). */
export const REVIEW_REFUSAL_STATUS: Readonly<Record<ReviewRefusalCode, number>> = {
  REVIEW_ROLE_FORBIDDEN: 403,
  REVIEW_TASK_CLOSED: 409,
  REVIEW_AWAITING_REVISION: 409,
  REVIEW_DECISION_IN_PROGRESS: 409,
  REVIEW_VERSION_STALE: 409,
};

/**
 * A review decision or look-up the platform refused: `message` is the Chinese text for the
 * user, `code` the machine-readable reason, `status` the HTTP status the gateway answers with
 * (403 role, 404 no such task, 409 task not open, 422 decision not acceptable, 503 retry later).
 */
export class ReviewTaskError extends Error {
  override readonly name = 'ReviewTaskError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const handleOf = (client: HasWorkflowClient, projectId: string, reviewRound: number): WorkflowHandle<typeof goalReview> =>
  client.workflow.getHandle<typeof goalReview>(goalReviewWorkflowId(projectId, reviewRound));

/**
 * Starts the review of a submitted goal table. Idempotent: starting it again returns the
 * running review, and a round that closed is never reopened (a new round has a new id).
 */
export async function startGoalReview(client: HasWorkflowClient, input: GoalReviewInput): Promise<WorkflowHandle<typeof goalReview>> {
  const workflowId = goalReviewWorkflowId(input.projectId, input.reviewRound);
  try {
    return await client.workflow.start<typeof goalReview>('goalReview', {
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

/** Records a reviewer's decision through the `decide` update; refusals become `ReviewTaskError`. */
export async function decideReview(
  client: HasWorkflowClient,
  projectId: string,
  reviewRound: number,
  decision: ReviewDecision,
): Promise<ReviewDecisionResult> {
  const handle = handleOf(client, projectId, reviewRound);
  try {
    return await handle.executeUpdate(decideUpdate, { args: [decision] });
  } catch (err) {
    throw await reviewTaskError(err, handle);
  }
}

/** The review task (query `reviewTask`). */
export async function describeReviewTask(client: HasWorkflowClient, projectId: string, reviewRound: number): Promise<ReviewTask> {
  const handle = handleOf(client, projectId, reviewRound);
  try {
    return await handle.query(reviewTaskQuery);
  } catch (err) {
    throw await reviewTaskError(err, handle);
  }
}

/** The unit resubmitted a returned goal table as `version`. */
export async function signalResubmitted(client: HasWorkflowClient, projectId: string, reviewRound: number, version: number): Promise<void> {
  await handleOf(client, projectId, reviewRound).signal(resubmittedSignal, { version });
}

async function reviewTaskError(err: unknown, handle: WorkflowHandle): Promise<unknown> {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const code = err.cause.type ?? 'REVIEW_REFUSED';
    return new ReviewTaskError(err.cause.message, code, statusOf(code, err.cause.details));
  }
  if (err instanceof WorkflowNotFoundError) {
    // An update to a finished review is "not found" too: tell the two apart.
    const closed = await handle.describe().then(
      (d) => d.status.name !== 'RUNNING',
      () => false,
    );
    return closed
      ? new ReviewTaskError('该审核任务已关闭', 'REVIEW_TASK_CLOSED', 409)
      : // Just submitted, the review may still be starting (it follows the event through Kafka).
        new ReviewTaskError('未找到该审核任务：如刚提交审核，任务可能仍在生成，请稍后重试', 'REVIEW_TASK_NOT_FOUND', 404);
  }
  return err;
}

function statusOf(code: string, details: readonly unknown[] | null | undefined): number {
  if (code in REVIEW_REFUSAL_STATUS) return REVIEW_REFUSAL_STATUS[code as ReviewRefusalCode];
  if (code === 'GOAL_DECLARATION_UNAVAILABLE') return 503;
  // goal-declaration's refusals carry the status of its problem+json answer.
  const status = (details?.[0] as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 422;
}
