import { Inject, Injectable, Logger } from '@nestjs/common';
import { InternalTokenIssuer, type InternalAudience } from '@bpm/auth';
import type { Actor } from '@bpm/contracts';
import { CORRELATION_ID_HEADER, PROBLEM_CONTENT_TYPE, ProblemException, REQUEST_ID_HEADER, currentRequestContext } from '@bpm/http';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { UpstreamProblemException } from './upstream-problem';

export type QueryValue = string | number | boolean | undefined | null;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface UpstreamRequest {
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** The client's If-Match, passed on as is: goal-declaration appends only at that version. */
  ifMatch?: string;
}

/** An upstream answer with the record's ETag (its stream version), when it sent one. */
export interface Versioned<T> {
  body: T;
  etag?: string;
}

/** Builds `?a=1&b=x` from the defined values only. */
export function queryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `/internal/goals/:projectId` with each segment escaped. */
export function path(strings: TemplateStringsArray, ...segments: (string | number)[]): string {
  return strings.reduce((out, part, i) => out + part + (i < segments.length ? encodeURIComponent(String(segments[i])) : ''), '');
}

const upstreamProblems = (label: string) => ({
  unavailable: (cause: unknown) =>
    new ProblemException(503, 'UPSTREAM_UNAVAILABLE', `${label}暂不可用，请稍后重试`, { title: '服务暂不可用', cause }),
  timeout: (cause: unknown) =>
    new ProblemException(504, 'UPSTREAM_TIMEOUT', `${label}响应超时，请稍后重试`, { title: '上游服务超时', cause }),
  unreadable: (status: number) =>
    new ProblemException(502, 'UPSTREAM_BAD_RESPONSE', `${label}返回了无法识别的应答（状态 ${status}），请稍后重试`, {
      title: '上游服务异常',
    }),
});

/** Which internal API a client calls: its base URL, its token audience, and its name for users. */
export interface UpstreamTarget {
  baseUrl: string;
  audience: InternalAudience;
  label: string;
}

/**
 * goal-declaration's internal HTTP API, called as the signed-in actor: each call carries a
 * one-minute internal token the gateway signs for the actor it verified (audience
 * goal-declaration), and the request's correlation and request ids; an upstream problem+json
 * is thrown as {@link UpstreamProblemException} and relayed to the client unchanged.
 */
@Injectable()
export class GoalDeclarationClient {
  protected readonly logger = new Logger(this.constructor.name);

  constructor(
    @Inject(GATEWAY_CONFIG) protected readonly config: GatewayConfig,
    private readonly tokens: InternalTokenIssuer,
  ) {}

  /** goal-declaration here; a client of another service overrides it. */
  protected target(): UpstreamTarget {
    return { baseUrl: this.config.goalDeclarationUrl, audience: 'goal-declaration', label: '绩效目标服务' };
  }

  get<T>(actor: Actor, target: string, query?: Record<string, QueryValue>): Promise<T> {
    return this.send<T>('GET', actor, target, { query });
  }

  post<T>(actor: Actor, target: string, body: unknown = {}): Promise<T> {
    return this.send<T>('POST', actor, target, { body });
  }

  put<T>(actor: Actor, target: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', actor, target, { body });
  }

  patch<T>(actor: Actor, target: string, body: unknown): Promise<T> {
    return this.send<T>('PATCH', actor, target, { body });
  }

  delete<T>(actor: Actor, target: string, body?: unknown): Promise<T> {
    return this.send<T>('DELETE', actor, target, { body });
  }

  async send<T>(method: HttpMethod, actor: Actor, target: string, request: UpstreamRequest = {}): Promise<T> {
    return (await this.exchange<T>(method, actor, target, request)).body;
  }

  /** Like {@link send}, keeping the upstream ETag so the gateway can hand it to its client. */
  async exchange<T>(method: HttpMethod, actor: Actor, target: string, request: UpstreamRequest = {}): Promise<Versioned<T>> {
    const response = await this.fetchUpstream(method, actor, target, request);
    const text = await response.text();
    if (!response.ok) return this.refuse(method, target, response, text);
    const body = (text === '' ? undefined : parseJson(text, response.status, this.target().label)) as T;
    return { body, etag: response.headers.get('etag') ?? undefined };
  }

  /** The upstream answer as it came (e.g. a file), or its problem relayed. */
  async download(actor: Actor, target: string, query?: Record<string, QueryValue>): Promise<{ contentType: string; headers: Headers; body: Buffer }> {
    const response = await this.fetchUpstream('GET', actor, target, { query });
    if (!response.ok) return this.refuse('GET', target, response, await response.text());
    return { contentType: response.headers.get('content-type') ?? 'application/octet-stream', headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  private async fetchUpstream(method: HttpMethod, actor: Actor, target: string, request: UpstreamRequest): Promise<Response> {
    const { baseUrl, label } = this.target();
    const url = `${baseUrl}${target}${queryString(request.query)}`;
    try {
      const headers = await this.headersFor(actor, request.body !== undefined);
      if (request.ifMatch !== undefined && request.ifMatch !== '') headers['if-match'] = request.ifMatch;
      return await fetch(url, {
        method,
        headers,
        body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
        signal: AbortSignal.timeout(this.config.upstreamTimeoutMs),
      });
    } catch (error) {
      this.logger.warn(`${method} ${target} failed: ${(error as Error)?.message ?? String(error)}`);
      const name = (error as { name?: string })?.name;
      throw name === 'TimeoutError' || name === 'AbortError' ? upstreamProblems(label).timeout(error) : upstreamProblems(label).unavailable(error);
    }
  }

  private refuse(method: HttpMethod, target: string, response: Response, text: string): never {
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.toLowerCase().startsWith(PROBLEM_CONTENT_TYPE)) {
      throw new UpstreamProblemException(response.status, text, contentType);
    }
    this.logger.error(`${method} ${target} → ${response.status} without problem+json`);
    throw upstreamProblems(this.target().label).unreadable(response.status);
  }

  private async headersFor(actor: Actor, hasBody: boolean): Promise<Record<string, string>> {
    const ids = currentRequestContext();
    // Only id, role and unit go into the token: the display name is not the service's business.
    const subject: Actor = { id: actor.id, role: actor.role, ...(actor.unit ? { unit: actor.unit } : {}) };
    const headers: Record<string, string> = {
      accept: `application/json, ${PROBLEM_CONTENT_TYPE}`,
      authorization: `Bearer ${await this.tokens.sign(subject, this.target().audience)}`,
    };
    if (ids) {
      headers[CORRELATION_ID_HEADER] = ids.correlationId;
      headers[REQUEST_ID_HEADER] = ids.requestId;
    }
    if (hasBody) headers['content-type'] = 'application/json';
    return headers;
  }
}

function parseJson(text: string, status: number, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw upstreamProblems(label).unreadable(status);
  }
}
