import { ApplicationFailure } from '@temporalio/activity';
import type { InternalTokenIssuer } from '@bpm/auth';
import type { Actor } from '@bpm/contracts';
import type { CorrectiveCaseActivities, CorrectiveNoticeInput, RecordCorrectiveAnswerResult } from '@bpm/workflows';
import type { MonitoringConfig } from './monitoring.config';

/** The retryable failure: monitoring is down, slow or broken; Temporal tries again. */
export const MONITORING_UNAVAILABLE = 'MONITORING_UNAVAILABLE';

// The same headers and media type as @bpm/http, without pulling the HTTP platform into the worker.
const CORRELATION_ID_HEADER = 'x-correlation-id';
/** The workflow's clock: monitoring takes it only from the orchestrator's system token. */
const ACTOR_AT_HEADER = 'x-actor-at';
const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const SYSTEM_ACTOR: Actor = { id: 'orchestrator', role: 'system' };

type Call = { actor: Actor; at?: string; correlationId?: string };

/**
 * The corrective-case follow-up's activities: calls to monitoring's internal HTTP API, as the
 * goal review's are to goal-declaration's. A 4xx problem+json is monitoring refusing
 * (non-retryable ApplicationFailure: type = the problem's `code`, message = its Chinese
 * `detail`, details = [{ status, title, type, errors }]); 5xx, 408, 429, timeouts and network
 * errors are retryable.
 *
 * Each call carries a fresh internal token signed by the orchestrator, made in the activity
 * (never in workflow history): for the answer its subject is the unit user the workflow's
 * Update validated, for the reminder and the escalation the orchestrator itself as `system`,
 * which alone may send the workflow's clock in `x-actor-at` — so a retry, or a time-skipping
 * test, is judged at the moment the workflow acted.
 */
export function createCorrectiveCaseActivities(config: MonitoringConfig, tokens: InternalTokenIssuer): CorrectiveCaseActivities {
  const post = async (path: string, body: unknown, call: Call): Promise<Response> => {
    const headers: Record<string, string> = {
      accept: `application/json, ${PROBLEM_CONTENT_TYPE}`,
      'content-type': 'application/json',
      authorization: `Bearer ${await tokens.sign(call.actor, 'monitoring')}`,
    };
    if (call.correlationId) headers[CORRELATION_ID_HEADER] = call.correlationId;
    if (call.at && call.actor.role === 'system') headers[ACTOR_AT_HEADER] = call.at;
    let response: Response;
    try {
      response = await fetch(`${config.monitoringUrl}${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      throw ApplicationFailure.retryable(
        `绩效监控服务暂时无法访问，请稍后重试（${(error as Error)?.message ?? String(error)}）`,
        MONITORING_UNAVAILABLE,
      );
    }
    if (response.ok) return response;
    throw await failureOf(response);
  };

  const caseAction = (action: 'reminder' | 'escalation') => async (input: CorrectiveNoticeInput) => {
    const response = await post(`/internal/monitoring/cases/${encodeURIComponent(input.caseId)}/${action}`, {}, { actor: SYSTEM_ACTOR, at: input.at });
    await response.body?.cancel();
  };

  return {
    async recordCorrectiveAnswer({ caseId, choice, reasons, actor, correlationId }) {
      // The unit's own act: judged at monitoring's now (a person's token may not set the clock).
      const response = await post(`/internal/monitoring/cases/${encodeURIComponent(caseId)}/answer`, { choice, reasons }, { actor, correlationId });
      return answerResult(await response.text());
    },
    sendCorrectiveReminder: caseAction('reminder'),
    escalateCorrectiveCase: caseAction('escalation'),
  };
}

function answerResult(text: string): RecordCorrectiveAnswerResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const { version, answer } = (body ?? {}) as { version?: unknown; answer?: { late?: unknown } };
  if (typeof version !== 'number' || typeof answer?.late !== 'boolean') {
    // The answer may well be recorded; retrying would be refused as a second answer. A person looks.
    throw ApplicationFailure.nonRetryable('绩效监控服务的应答无法识别，请核对纠偏答复是否已记录', 'MONITORING_BAD_RESPONSE');
  }
  return { version, late: answer.late };
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
      message: str(problem.detail) ?? str(problem.title) ?? `绩效监控服务拒绝了请求（HTTP ${status}）`,
      type: str(problem.code) ?? `HTTP_${status}`,
      nonRetryable: true,
      details: [{ status, title: str(problem.title), type: str(problem.type), errors: problem.errors }],
    });
  }
  return ApplicationFailure.create({
    message: str(problem.detail) ?? `绩效监控服务暂时不可用（HTTP ${status}），请稍后重试`,
    type: MONITORING_UNAVAILABLE,
    nonRetryable: false,
    details: [{ status }],
  });
}
