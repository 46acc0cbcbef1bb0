import { Inject, Injectable, Logger } from '@nestjs/common';
import { InternalTokenIssuer } from '@bpm/auth';
import type { Actor } from '@bpm/contracts';
import { CORRELATION_ID_HEADER, PROBLEM_CONTENT_TYPE, ProblemException, REQUEST_ID_HEADER, currentRequestContext } from '@bpm/http';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { queryString, type QueryValue } from '../goal-declaration/goal-declaration.client';
import { UpstreamProblemException } from '../goal-declaration/upstream-problem';

const problems = {
  unavailable: (cause: unknown) => new ProblemException(503, 'UPSTREAM_UNAVAILABLE', '绩效运行监控服务暂不可用，请稍后重试', { title: '服务暂不可用', cause }),
  timeout: (cause: unknown) => new ProblemException(504, 'UPSTREAM_TIMEOUT', '绩效运行监控服务响应超时，请稍后重试', { title: '上游服务超时', cause }),
  unreadable: (status: number) =>
    new ProblemException(502, 'UPSTREAM_BAD_RESPONSE', `绩效运行监控服务返回了无法识别的应答（状态 ${status}），请稍后重试`, { title: '上游服务异常' }),
};

/**
 * A file import parses, checks and records a whole file in one request (a county's year, 12,000
 * rows, takes tens of seconds on a small machine): it gets this much longer than other calls.
 */
const UPLOAD_TIMEOUT_FACTOR = 30;

/** A body to forward: JSON, or a file's bytes with its name. */
type Body = { json: unknown } | { bytes: Buffer; fileName?: string };

export interface Binary {
  bytes: Buffer;
  contentType: string;
  contentDisposition?: string;
}

/**
 * monitoring's internal HTTP API, called as the signed-in actor (an internal token the gateway signs
 * for the actor it verified, audience monitoring, and the request ids, as for goal-declaration);
 * an upstream problem+json is relayed unchanged.
 */
@Injectable()
export class MonitoringClient {
  private readonly logger = new Logger('MonitoringClient');

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly tokens: InternalTokenIssuer,
  ) {}

  async get<T>(actor: Actor, target: string, query?: Record<string, QueryValue>): Promise<T> {
    return json<T>(await this.send('GET', actor, target + queryString(query)));
  }

  async post<T>(actor: Actor, target: string, body: unknown = {}): Promise<T> {
    return json<T>(await this.send('POST', actor, target, { json: body }));
  }

  async put<T>(actor: Actor, target: string, body: unknown): Promise<T> {
    return json<T>(await this.send('PUT', actor, target, { json: body }));
  }

  /** A file's bytes as `application/octet-stream`, its name URI-encoded in `x-file-name`. */
  async upload<T>(actor: Actor, target: string, bytes: Buffer, fileName?: string): Promise<T> {
    return json<T>(await this.send('POST', actor, target, { bytes, fileName }));
  }

  async download(actor: Actor, target: string): Promise<Binary> {
    const response = await this.send('GET', actor, target);
    return {
      bytes: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      contentDisposition: response.headers.get('content-disposition') ?? undefined,
    };
  }

  private async send(method: string, actor: Actor, target: string, body?: Body): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${this.config.monitoringUrl}${target}`, {
        method,
        headers: await this.headersFor(actor, body),
        body: body === undefined ? undefined : 'json' in body ? JSON.stringify(body.json) : new Uint8Array(body.bytes),
        signal: AbortSignal.timeout(this.config.upstreamTimeoutMs * (body && 'bytes' in body ? UPLOAD_TIMEOUT_FACTOR : 1)),
      });
    } catch (error) {
      this.logger.warn(`${method} ${target} failed: ${(error as Error)?.message ?? String(error)}`);
      const name = (error as { name?: string })?.name;
      throw name === 'TimeoutError' || name === 'AbortError' ? problems.timeout(error) : problems.unavailable(error);
    }
    if (response.ok) return response;
    const contentType = response.headers.get('content-type') ?? '';
    const text = await response.text();
    if (contentType.toLowerCase().startsWith(PROBLEM_CONTENT_TYPE)) throw new UpstreamProblemException(response.status, text, contentType);
    this.logger.error(`${method} ${target} → ${response.status} without problem+json`);
    throw problems.unreadable(response.status);
  }

  private async headersFor(actor: Actor, body?: Body): Promise<Record<string, string>> {
    const ids = currentRequestContext();
    // A one-minute internal token for the verified actor, addressed to monitoring (id, role, unit only).
    const subject: Actor = { id: actor.id, role: actor.role, ...(actor.unit ? { unit: actor.unit } : {}) };
    const headers: Record<string, string> = {
      accept: `application/json, ${PROBLEM_CONTENT_TYPE}`,
      authorization: `Bearer ${await this.tokens.sign(subject, 'monitoring')}`,
    };
    if (ids) {
      headers[CORRELATION_ID_HEADER] = ids.correlationId;
      headers[REQUEST_ID_HEADER] = ids.requestId;
    }
    if (body && 'json' in body) headers['content-type'] = 'application/json';
    if (body && 'bytes' in body) {
      headers['content-type'] = 'application/octet-stream';
      if (body.fileName) headers['x-file-name'] = encodeURIComponent(body.fileName);
    }
    return headers;
  }
}

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw problems.unreadable(response.status);
  }
}
