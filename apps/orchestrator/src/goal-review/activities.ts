import { ApplicationFailure } from '@temporalio/activity';
import type { InternalTokenIssuer } from '@bpm/auth';
import type { Actor } from '@bpm/contracts';
import type { GoalReviewActivities, RecordReviewDecisionResult, ReviewEventInput } from '@bpm/workflows';
import type { GoalReviewConfig } from './goal-review.config';

/** The retryable failure: goal-declaration is down, slow or broken; Temporal tries again. */
export const GOAL_DECLARATION_UNAVAILABLE = 'GOAL_DECLARATION_UNAVAILABLE';

// The same header and media type as @bpm/http, without pulling the HTTP platform into the worker.
const CORRELATION_ID_HEADER = 'x-correlation-id';
const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const SYSTEM_ACTOR: Actor = { id: 'orchestrator', role: 'system' };

/**
 * The goal review workflow's activities: calls to goal-declaration's internal HTTP API.
 * A 4xx problem+json answer is goal-declaration refusing (non-retryable ApplicationFailure:
 * type = the problem's `code`, message = its Chinese `detail`, details = [{ status, title,
 * type, errors }]); 5xx, timeouts and network errors are retryable.
 *
 * Each call carries a fresh internal token signed by the orchestrator: for a decision its
 * subject is the reviewer the workflow's Update validated (`act` names the orchestrator), for
 * the timers the orchestrator itself. Tokens are made in the activity, never kept in workflow
 * history, so a retry hours later gets a new one.
 */
export function createGoalReviewActivities(config: GoalReviewConfig, tokens: InternalTokenIssuer): GoalReviewActivities {
  const post = async (path: string, body: unknown, actor: Actor, correlationId?: string): Promise<Response> => {
    const url = `${config.goalDeclarationUrl}${path}`;
    const headers: Record<string, string> = {
      accept: `application/json, ${PROBLEM_CONTENT_TYPE}`,
      'content-type': 'application/json',
      authorization: `Bearer ${await tokens.sign(actor, 'goal-declaration')}`,
    };
    if (correlationId) headers[CORRELATION_ID_HEADER] = correlationId;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      throw ApplicationFailure.retryable(
        `绩效目标服务暂时无法访问，请稍后重试（${(error as Error)?.message ?? String(error)}）`,
        GOAL_DECLARATION_UNAVAILABLE,
      );
    }
    if (response.ok) return response;
    throw await failureOf(response);
  };

  const reviewEvent = (kind: 'reminder' | 'overdue') => async (input: ReviewEventInput) => {
    const response = await post(
      `/internal/goals/${encodeURIComponent(input.projectId)}/review-events`,
      { kind, reviewRound: input.reviewRound, dueAt: input.dueAt },
      SYSTEM_ACTOR,
    );
    await response.body?.cancel();
  };

  return {
    async recordReviewDecision(input) {
      const { projectId, decision, rating, score, comments, indicatorComments, actor, correlationId } = input;
      const response = await post(
        `/internal/goals/${encodeURIComponent(projectId)}/review-decision`,
        { decision, rating, score, comments, indicatorComments },
        actor,
        correlationId,
      );
      return decisionResult(await response.text());
    },
    sendReviewReminder: reviewEvent('reminder'),
    markReviewOverdue: reviewEvent('overdue'),
  };
}

function decisionResult(text: string): RecordReviewDecisionResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const { status, version } = (body ?? {}) as { status?: unknown; version?: unknown };
  if (typeof status !== 'string' || typeof version !== 'number') {
    // The decision may well be recorded; retrying would record it twice. A person looks.
    throw ApplicationFailure.nonRetryable('绩效目标服务的应答无法识别，请核对审核结果', 'GOAL_DECLARATION_BAD_RESPONSE');
  }
  return { status, version };
}

type Problem = { type?: unknown; title?: unknown; status?: unknown; detail?: unknown; code?: unknown; errors?: unknown };

async function failureOf(response: Response): Promise<ApplicationFailure> {
  const text = await response.text().catch(() => '');
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  let problem: Problem = {};
  if (contentType.startsWith(PROBLEM_CONTENT_TYPE) || contentType.startsWith('application/json')) {
    try {
      problem = (JSON.parse(text) ?? {}) as Problem;
    } catch {
      problem = {};
    }
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const status = response.status;
  // 408 and 429 ask to come back later; every other 4xx is an answer.
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return ApplicationFailure.create({
      message: str(problem.detail) ?? str(problem.title) ?? `绩效目标服务拒绝了请求（HTTP ${status}）`,
      type: str(problem.code) ?? `HTTP_${status}`,
      nonRetryable: true,
      details: [{ status, title: str(problem.title), type: str(problem.type), errors: problem.errors }],
    });
  }
  return ApplicationFailure.create({
    message: str(problem.detail) ?? `绩效目标服务暂时不可用（HTTP ${status}），请稍后重试`,
    type: GOAL_DECLARATION_UNAVAILABLE,
    nonRetryable: false,
    details: [{ status }],
  });
}
