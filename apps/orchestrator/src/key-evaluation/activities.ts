import { ApplicationFailure } from '@temporalio/activity';
import type { InternalTokenIssuer } from '@bpm/auth';
import type { Actor } from '@bpm/contracts';
import type { KeyEvaluationActivities, MilestoneNotice } from '@bpm/workflows';

/** Where evaluation's internal HTTP API is, and how long one call may take. */
export interface KeyEvaluationConfig {
  evaluationUrl: string;
  timeoutMs: number;
}

/** `EVALUATION_URL` (default http://127.0.0.1:3003) and `UPSTREAM_TIMEOUT_MS` (default 10000), checked at start-up. */
export function loadKeyEvaluationConfig(env: Record<string, string | undefined> = process.env): KeyEvaluationConfig {
  const evaluationUrl = (env['EVALUATION_URL']?.trim() || 'http://127.0.0.1:3003').replace(/\/+$/, '');
  const { protocol } = new URL(evaluationUrl);
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`EVALUATION_URL must be an http(s) URL, got "${evaluationUrl}"`);
  const timeoutMs = Number(env['UPSTREAM_TIMEOUT_MS']?.trim() || 10_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error('UPSTREAM_TIMEOUT_MS must be a positive integer');
  return { evaluationUrl, timeoutMs };
}

const SYSTEM_ACTOR: Actor = { id: 'orchestrator', role: 'system' };
export const EVALUATION_UNAVAILABLE = 'EVALUATION_UNAVAILABLE';

/**
 * The key-evaluation schedule's activities: the reminder and the overdue mark become events of the
 * evaluation (`KeyEvaluationMilestoneReminderSent`, `…Overdue`) through its internal API, with a
 * fresh orchestrator token per call. A 4xx is evaluation's answer (non-retryable); anything else retries.
 */
export function createKeyEvaluationActivities(config: KeyEvaluationConfig, tokens: InternalTokenIssuer): KeyEvaluationActivities {
  const notice = (kind: 'reminder' | 'overdue') => async (n: MilestoneNotice) => {
    let response: Response;
    try {
      response = await fetch(`${config.evaluationUrl}/internal/key-evaluations/${encodeURIComponent(n.projectId)}/milestone-notices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json', authorization: `Bearer ${await tokens.sign(SYSTEM_ACTOR, 'evaluation')}` },
        body: JSON.stringify({ kind, milestone: n.milestone, dueAt: n.dueAt }),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      throw ApplicationFailure.retryable(`绩效评价服务暂时无法访问，请稍后重试（${(error as Error)?.message ?? String(error)}）`, EVALUATION_UNAVAILABLE);
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return;
    let problem: { code?: string; detail?: string } = {};
    try {
      problem = JSON.parse(text);
    } catch {
      problem = {};
    }
    const refused = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    throw ApplicationFailure.create({
      message: problem.detail ?? `绩效评价服务拒绝或未能处理请求（HTTP ${response.status}）`,
      type: problem.code ?? (refused ? `HTTP_${response.status}` : EVALUATION_UNAVAILABLE),
      nonRetryable: refused,
    });
  };
  return { remindMilestone: notice('reminder'), markMilestoneOverdue: notice('overdue') };
}
