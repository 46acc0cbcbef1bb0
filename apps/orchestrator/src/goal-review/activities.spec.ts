import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/activity';
import { InternalTokenIssuer, InternalTokenVerifier } from '@bpm/auth';
import type { GoalReviewActivities, RecordReviewDecisionInput } from '@bpm/workflows';
import { createGoalReviewActivities, GOAL_DECLARATION_UNAVAILABLE } from './activities';
import { loadGoalReviewConfig } from './goal-review.config';

type Seen = { method?: string; url?: string; headers: IncomingMessage['headers']; body: unknown };
type Answer = (res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let answer: Answer = (res) => res.writeHead(204).end();

const json = (status: number, body: unknown, contentType = 'application/json'): Answer => (res) =>
  res.writeHead(status, { 'content-type': `${contentType}; charset=utf-8` }).end(JSON.stringify(body));
const problem = (status: number, code: string, detail: string): Answer =>
  json(status, { type: `https://bpm.local/problems/${code.toLowerCase()}`, title: '请求无法处理', status, detail, code }, 'application/problem+json');

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  answer = (res) => res.writeHead(204).end();
});

const activities = (overrides: { goalDeclarationUrl?: string; timeoutMs?: number } = {}): GoalReviewActivities =>
  createGoalReviewActivities({ goalDeclarationUrl: baseUrl, timeoutMs: 2_000, ...overrides }, InternalTokenIssuer.fromEnv('orchestrator'));

/** What goal-declaration would make of the call's token. */
const identityOf = (call: Seen) =>
  InternalTokenVerifier.fromEnv('goal-declaration').verify(String(call.headers.authorization).replace(/^Bearer /, ''));

const decision: RecordReviewDecisionInput = {
  projectId: 'p-2026-edu-01',
  decision: 'approve',
  rating: 'good',
  comments: '同意',
  indicatorComments: [{ indicatorName: '培训人次', comment: '已按要求调整' }],
  actor: { id: 'u-zhang', role: 'finance-reviewer' },
  correlationId: 'corr-42',
};

async function failure(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

describe('recordReviewDecision → POST /internal/goals/:projectId/review-decision', () => {
  it('sends the decision and returns the goal status and version', async () => {
    answer = json(200, { status: 'approved', version: 9 });

    await expect(activities().recordReviewDecision(decision)).resolves.toEqual({ status: 'approved', version: 9 });

    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/internal/goals/p-2026-edu-01/review-decision',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'corr-42' },
      body: {
        decision: 'approve',
        rating: 'good',
        comments: '同意',
        indicatorComments: [{ indicatorName: '培训人次', comment: '已按要求调整' }],
      },
    });
  });

  it('acts with a fresh token naming the reviewer of the Update, signed by the orchestrator; no actor header or body', async () => {
    answer = json(200, { status: 'approved', version: 9 });
    await activities().recordReviewDecision(decision);
    await activities().recordReviewDecision(decision);

    const [first, second] = await Promise.all(seen.map(identityOf));
    expect(first).toEqual({ actor: { id: 'u-zhang', role: 'finance-reviewer' }, issuer: 'orchestrator', jti: expect.any(String) });
    expect(second.jti).not.toBe(first.jti);
    expect(Object.keys(seen[0].headers).filter((h) => h.startsWith('x-actor'))).toEqual([]);
    expect(seen[0].body).not.toHaveProperty('actor');
  });

  it('a problem+json 422 is a non-retryable refusal carrying the Chinese detail and the code', async () => {
    const detail = '项目“城区义务教育营养餐”须开展事前绩效评估，未经评估不得审核通过';
    answer = problem(422, 'EX_ANTE_ASSESSMENT_REQUIRED', detail);

    const err = await failure(activities().recordReviewDecision(decision));

    expect(err).toMatchObject({ message: detail, type: 'EX_ANTE_ASSESSMENT_REQUIRED', nonRetryable: true });
    expect(err.details?.[0]).toMatchObject({ status: 422, title: '请求无法处理' });
  });

  it('a problem+json 409 is a non-retryable refusal too', async () => {
    answer = problem(409, 'GOAL_NOT_SUBMITTED', '绩效目标未提交审核，不能审核');
    expect(await failure(activities().recordReviewDecision(decision))).toMatchObject({
      type: 'GOAL_NOT_SUBMITTED',
      nonRetryable: true,
      message: '绩效目标未提交审核，不能审核',
    });
  });

  it('a 4xx without problem+json is still a refusal', async () => {
    answer = (res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    expect(await failure(activities().recordReviewDecision(decision))).toMatchObject({ type: 'HTTP_404', nonRetryable: true });
  });

  it.each([500, 502, 503, 429])('%s is retryable', async (status) => {
    answer = problem(status, 'INTERNAL', '服务内部错误');
    expect(await failure(activities().recordReviewDecision(decision))).toMatchObject({
      type: GOAL_DECLARATION_UNAVAILABLE,
      nonRetryable: false,
    });
  });

  it('an unreachable service is retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const err = await failure(activities({ goalDeclarationUrl: `http://127.0.0.1:${port}` }).recordReviewDecision(decision));

    expect(err).toMatchObject({ type: GOAL_DECLARATION_UNAVAILABLE, nonRetryable: false });
  });

  it('a slow answer times out, retryably', async () => {
    answer = (res) => setTimeout(() => json(200, { status: 'approved', version: 9 })(res), 500);
    const err = await failure(activities({ timeoutMs: 100 }).recordReviewDecision(decision));
    expect(err).toMatchObject({ type: GOAL_DECLARATION_UNAVAILABLE, nonRetryable: false });
  });

  it('a 200 it cannot read is not retried (the decision may be recorded)', async () => {
    answer = json(200, { ok: true });
    expect(await failure(activities().recordReviewDecision(decision))).toMatchObject({
      type: 'GOAL_DECLARATION_BAD_RESPONSE',
      nonRetryable: true,
    });
  });
});

describe('review notices → POST /internal/goals/:projectId/review-events', () => {
  const notice = { projectId: 'p/1', reviewRound: 2, dueAt: '2025-11-05T08:00:00.000Z' };

  it.each([
    ['sendReviewReminder', 'reminder'],
    ['markReviewOverdue', 'overdue'],
  ] as const)('%s posts kind %s and accepts 204', async (name, kind) => {
    await expect(activities()[name](notice)).resolves.toBeUndefined();
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/internal/goals/p%2F1/review-events',
        body: { kind, reviewRound: 2, dueAt: '2025-11-05T08:00:00.000Z' },
      }),
    ]);
    expect((await identityOf(seen[0])).actor).toEqual({ id: 'orchestrator', role: 'system' });
  });

  it('maps refusals and outages the same way', async () => {
    answer = problem(404, 'GOAL_NOT_FOUND', '未找到该项目的绩效目标');
    expect(await failure(activities().sendReviewReminder(notice))).toMatchObject({ type: 'GOAL_NOT_FOUND', nonRetryable: true });
    answer = (res) => res.writeHead(500).end();
    expect(await failure(activities().markReviewOverdue(notice))).toMatchObject({ nonRetryable: false });
  });
});

describe('loadGoalReviewConfig', () => {
  it('defaults to the local goal-declaration', () => {
    expect(loadGoalReviewConfig({})).toEqual({ goalDeclarationUrl: 'http://127.0.0.1:3001', timeoutMs: 10_000 });
    expect(loadGoalReviewConfig({ GOAL_DECLARATION_URL: 'http://goal-declaration:3000/' }).goalDeclarationUrl).toBe(
      'http://goal-declaration:3000',
    );
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => loadGoalReviewConfig({ GOAL_DECLARATION_URL: 'ftp://x' })).toThrow(/GOAL_DECLARATION_URL/);
    expect(() => loadGoalReviewConfig({ UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(/UPSTREAM_TIMEOUT_MS/);
  });
});
