/**
 * The rectification workflow's activities as calls to result-application's internal HTTP API,
 * for the orchestrator's worker to register. Not workflow code (it does I/O): exported from
 * the library index, never from the workflow bundle.
 *
 * A 4xx problem+json is result-application refusing (non-retryable, type = its `code`, message =
 * its Chinese `detail`, details = [{ status }]); 5xx, timeouts and network errors are retried.
 * Each call carries a fresh token signed by the orchestrator: for a verification its subject is
 * the reviewer the Update validated, for timers the orchestrator itself (role system).
 */
import { ApplicationFailure } from '@temporalio/common';
import type { RectificationActivities } from './activities';
import type { RectificationNotice } from './types';

type Actor = { id: string; role: string; unit?: string };
export type RectificationHttpConfig = Readonly<{
  resultApplicationUrl: string;
  timeoutMs: number;
  /** Signs an internal token for result-application naming `actor` (the orchestrator's issuer). */
  sign: (actor: Actor) => Promise<string>;
}>;

const SYSTEM: Actor = { id: 'orchestrator', role: 'system' };

export function createRectificationActivities(config: RectificationHttpConfig): RectificationActivities {
  const post = async <T>(path: string, body: unknown, actor: Actor): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${config.resultApplicationUrl}${path}`, {
        method: 'POST',
        headers: { accept: 'application/json, application/problem+json', 'content-type': 'application/json', authorization: `Bearer ${await config.sign(actor)}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      throw ApplicationFailure.retryable(`结果应用服务暂时无法访问（${(error as Error)?.message ?? String(error)}）`, 'RESULT_APPLICATION_UNAVAILABLE');
    }
    const text = await response.text();
    if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
    const problem = (() => {
      try {
        return JSON.parse(text) as { code?: string; detail?: string };
      } catch {
        return {};
      }
    })();
    if (response.status >= 400 && response.status < 500 && problem.detail) {
      throw ApplicationFailure.create({ message: problem.detail, type: problem.code ?? 'RECTIFICATION_REFUSED', nonRetryable: true, details: [{ status: response.status }] });
    }
    throw ApplicationFailure.retryable(`结果应用服务暂时无法处理（状态 ${response.status}）`, 'RESULT_APPLICATION_UNAVAILABLE');
  };
  const at = (n: RectificationNotice) => `/internal/rectifications/${encodeURIComponent(n.caseId)}`;
  const notice = (kind: string) => async (n: RectificationNotice) => {
    await post(`${at(n)}/notices`, { kind, requirementId: n.requirementId, dueAt: n.dueAt }, SYSTEM);
  };
  return {
    remindNotice: notice('notice-reminder'),
    remindAnswer: notice('answer-reminder'),
    escalateToFinanceAdmin: notice('escalated'),
    async markRequirementOverdue(n) {
      await post(`${at(n)}/requirements/${encodeURIComponent(n.requirementId ?? '')}/overdue`, {}, SYSTEM);
    },
    async recordVerification(v) {
      const result = await post<{ events: { type: string; data: { answerDueAt?: string } }[] }>(
        `/internal/rectifications/${encodeURIComponent(v.caseId)}/requirements/${encodeURIComponent(v.requirementId)}/verification`,
        { decision: v.decision, ...(v.comments ? { comments: v.comments } : {}) },
        { id: v.actor.id, role: v.actor.role },
      );
      const sentBack = result.events.find((e) => e.type === 'MeasureSentBack');
      return { closed: result.events.some((e) => e.type === 'RectificationClosed'), ...(sentBack?.data.answerDueAt ? { answerDueAt: sentBack.data.answerDueAt } : {}) };
    },
  };
}
