import { Inject, Injectable, Logger } from '@nestjs/common';
import { InternalTokenIssuer } from '@bpm/auth';
import type { Actor } from '@bpm/contracts';
import { CORRELATION_ID_HEADER, PROBLEM_CONTENT_TYPE, ProblemException, REQUEST_ID_HEADER, currentRequestContext } from '@bpm/http';
import { queryString, type QueryValue } from '../goal-declaration/goal-declaration.client';
import { UpstreamProblemException } from '../goal-declaration/upstream-problem';

/** Where evaluation's internal API is, and how long to wait for it. */
export interface EvaluationUpstream {
  url: string;
  timeoutMs: number;
}
export const EVALUATION_UPSTREAM = Symbol('EVALUATION_UPSTREAM');

/** `EVALUATION_URL` (default the local port 3003) and `UPSTREAM_TIMEOUT_MS`, checked at start-up. */
export function loadEvaluationUpstream(env: Record<string, string | undefined> = process.env): EvaluationUpstream {
  const value = (env['EVALUATION_URL']?.trim() || 'http://127.0.0.1:3003').replace(/\/+$/, '');
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`EVALUATION_URL must be an http(s) URL, got "${value}"`);
  const timeoutMs = Number(env['UPSTREAM_TIMEOUT_MS']?.trim() || 10_000);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error('UPSTREAM_TIMEOUT_MS must be a positive integer');
  return { url: value, timeoutMs };
}

const problems = {
  unavailable: (cause: unknown) => new ProblemException(503, 'UPSTREAM_UNAVAILABLE', '绩效评价服务暂不可用，请稍后重试', { title: '服务暂不可用', cause }),
  timeout: (cause: unknown) => new ProblemException(504, 'UPSTREAM_TIMEOUT', '绩效评价服务响应超时，请稍后重试', { title: '上游服务超时', cause }),
  unreadable: (status: number) => new ProblemException(502, 'UPSTREAM_BAD_RESPONSE', `绩效评价服务返回了无法识别的应答（状态 ${status}），请稍后重试`, { title: '上游服务异常' }),
};

/**
 * evaluation's internal HTTP API, called as the signed-in actor: a one-minute internal token the
 * gateway signs for the actor it verified (audience evaluation; id, role and unit only, where an
 * evaluator's unit is its agency or expert id) and the request ids; an upstream problem+json is
 * relayed unchanged.
 */
@Injectable()
export class EvaluationClient {
  private readonly logger = new Logger('EvaluationClient');

  constructor(@Inject(EVALUATION_UPSTREAM) private readonly upstream: EvaluationUpstream, private readonly tokens: InternalTokenIssuer) {}

  get<T>(actor: Actor, target: string, query?: Record<string, QueryValue>): Promise<T> {
    return this.send<T>('GET', actor, target + queryString(query));
  }

  post<T>(actor: Actor, target: string, body: unknown = {}): Promise<T> {
    return this.send<T>('POST', actor, target, body);
  }

  private async send<T>(method: 'GET' | 'POST', actor: Actor, target: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.upstream.url}${target}`, {
        method,
        headers: await this.headersFor(actor, body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.upstream.timeoutMs),
      });
    } catch (error) {
      this.logger.warn(`${method} ${target} failed: ${(error as Error)?.message ?? String(error)}`);
      const name = (error as { name?: string })?.name;
      throw name === 'TimeoutError' || name === 'AbortError' ? problems.timeout(error) : problems.unavailable(error);
    }
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    if (response.ok) {
      try {
        return (text === '' ? undefined : JSON.parse(text)) as T;
      } catch {
        throw problems.unreadable(response.status);
      }
    }
    if (contentType.toLowerCase().startsWith(PROBLEM_CONTENT_TYPE)) throw new UpstreamProblemException(response.status, text, contentType);
    this.logger.error(`${method} ${target} → ${response.status} without problem+json`);
    throw problems.unreadable(response.status);
  }

  private async headersFor(actor: Actor, hasBody: boolean): Promise<Record<string, string>> {
    const ids = currentRequestContext();
    const subject: Actor = { id: actor.id, role: actor.role, ...(actor.unit ? { unit: actor.unit } : {}) };
    const headers: Record<string, string> = {
      accept: `application/json, ${PROBLEM_CONTENT_TYPE}`,
      authorization: `Bearer ${await this.tokens.sign(subject, 'evaluation')}`,
    };
    if (ids) {
      headers[CORRELATION_ID_HEADER] = ids.correlationId;
      headers[REQUEST_ID_HEADER] = ids.requestId;
    }
    if (hasBody) headers['content-type'] = 'application/json';
    return headers;
  }
}
