import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InternalTokenVerifier, type VerifiedIdentity } from '@bpm/auth';
import { STUB_RECORDS } from './endpoints';

/** One request the stub received. */
export interface StubCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Who the call's internal token names (the stub refuses a call without a valid one). */
  identity?: VerifiedIdentity;
}

export interface StubReply {
  status: number;
  contentType?: string;
  body: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (timeout tests). */
  delayMs?: number;
}

/**
 * A stand-in for goal-declaration's internal API, on 127.0.0.1 in the test process: it knows
 * some goals (`GET /internal/goals/:id`), answers every other call with an echo, records
 * every request, and can be told to give one exact answer next (for passthrough tests). Like
 * the real service it checks the internal token first and answers 401 without a valid one.
 * Only the edge of gateway tests: the real service is tested end to end elsewhere.
 */
export class StubGoalDeclaration {
  readonly calls: StubCall[] = [];
  readonly goals = new Map<string, { projectId: string; unitId: string; fiscalYear: number; status: string }>();
  /** Monitoring's corrective cases (`GET /internal/monitoring/cases/:id`), when the stub stands in for monitoring too. */
  readonly cases = new Map<string, { caseId: string; projectId: string; unitId: string; status: string }>();
  private readonly queued: StubReply[] = [];
  private server?: Server;
  /** Other records it answers `GET <path>` with (e.g. result-application's `/internal/rectifications/C1`). */
  readonly records = new Map<string, unknown>(Object.entries(STUB_RECORDS));
  // It stands in for result-application too, so it takes tokens for either audience.
  private readonly verifiers = [InternalTokenVerifier.fromEnv('goal-declaration'), InternalTokenVerifier.fromEnv('result-application')];
  /** The stub stands in for monitoring too (its paths under `/internal/monitoring`), with monitoring's audience. */
  private readonly monitoringVerifier = InternalTokenVerifier.fromEnv('monitoring');
  /** The stub stands in for evaluation too (its `/internal/…-evaluations`, third parties and reports), with evaluation's audience. */
  private readonly evaluationVerifier = InternalTokenVerifier.fromEnv('evaluation');
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next request gets exactly this answer. */
  replyNext(reply: StubReply): void {
    this.queued.push(reply);
  }

  reset(): void {
    this.calls.length = 0;
    this.queued.length = 0;
  }

  /** Calls other than the unit-scope look-ups (`GET /internal/goals/:id`). */
  forwarded(): StubCall[] {
    return this.calls.filter((c) => !(c.method === 'GET' && /^\/internal\/(goals|monitoring\/cases|self-evaluations|key-evaluations)\/[^/]+$/.test(c.path)));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stub');
    const call: StubCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      // A forwarded file (monitoring's import) is bytes: recorded by size, not parsed.
      body: !text ? undefined : /json/.test(req.headers['content-type'] ?? '') ? JSON.parse(text) : { bytes: chunks.reduce((n, c) => n + c.length, 0) },
    };
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const verifiers = call.path.startsWith('/internal/monitoring')
      ? [this.monitoringVerifier]
      : EVALUATION_PATH.test(call.path)
        ? [this.evaluationVerifier]
        : this.verifiers;
    call.identity = undefined;
    for (const verifier of token ? verifiers : []) call.identity ??= await verifier.verify(token as string).catch(() => undefined);
    this.calls.push(call);
    if (!call.identity) {
      const problem = { type: 'https://bpm.local/problems/internal-token-invalid', title: '未认证', status: 401, detail: '内部接口的访问令牌无效', code: 'INTERNAL_TOKEN_INVALID' };
      return send(res, 401, JSON.stringify(problem), 'application/problem+json; charset=utf-8');
    }

    const queued = this.queued.shift();
    if (queued) {
      if (queued.delayMs) await new Promise((resolve) => setTimeout(resolve, queued.delayMs));
      if (!res.destroyed) send(res, queued.status, queued.body, queued.contentType, queued.headers);
      return;
    }

    const goalPath = /^\/internal\/goals\/([^/]+)$/.exec(call.path);
    if (call.method === 'GET' && goalPath) {
      const goal = this.goals.get(goalPath[1]);
      if (!goal) {
        const problem = { type: 'https://bpm.local/problems/goal-not-found', title: '未找到', status: 404, detail: `未找到项目“${goalPath[1]}”的绩效目标`, code: 'GOAL_NOT_FOUND' };
        return send(res, 404, JSON.stringify(problem), 'application/problem+json; charset=utf-8');
      }
      return send(res, 200, JSON.stringify({ ...goal, statusLabel: '草稿', version: 1, streamVersion: 2 }), undefined, { etag: '"2"' });
    }
    if (call.method === 'GET' && this.records.has(call.path)) return send(res, 200, JSON.stringify(this.records.get(call.path)));
    const casePath = /^\/internal\/monitoring\/cases\/([^/]+)$/.exec(call.path);
    if (call.method === 'GET' && casePath) {
      const found = this.cases.get(casePath[1]);
      if (!found) {
        const problem = { type: 'https://bpm.local/problems/corrective-case-not-found', title: '未找到', status: 404, detail: '未找到该纠偏事项', code: 'CORRECTIVE_CASE_NOT_FOUND' };
        return send(res, 404, JSON.stringify(problem), 'application/problem+json; charset=utf-8');
      }
      return send(res, 200, JSON.stringify(found));
    }
    // Evaluation's records carry the unit of the goal they evaluate (its unit-scope look-ups).
    const evaluationPath = /^\/internal\/(self-evaluations|key-evaluations)\/([^/]+)$/.exec(call.path);
    if (call.method === 'GET' && evaluationPath && this.goals.has(evaluationPath[2])) {
      const goal = this.goals.get(evaluationPath[2]);
      return send(res, 200, JSON.stringify(evaluationPath[1] === 'self-evaluations' ? { projectId: goal?.projectId, unitId: goal?.unitId, status: 'open' } : { projectId: goal?.projectId, project: { unitId: goal?.unitId }, agencyId: 'AG001', expertIds: ['EX001'], status: 'in-progress' }));
    }
    const status = call.method === 'POST' && !/\/(submission|adjustment-requests|completion)$/.test(call.path) ? 201 : 200;
    // Changes answer with the next version's ETag, as goal-declaration does.
    const etag: Record<string, string> = call.method === 'GET' ? {} : { etag: '"3"' };
    return send(res, status, JSON.stringify({ echo: { method: call.method, path: call.path, query: call.query, body: call.body } }), undefined, etag);
  }
}

const EVALUATION_PATH = /^\/internal\/(self-evaluations|key-evaluations|third-parties|evaluation-reports)(\/|$)/;

function send(
  res: ServerResponse,
  status: number,
  body: string,
  contentType = 'application/json; charset=utf-8',
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
