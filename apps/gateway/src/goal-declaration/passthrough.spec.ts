import { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import { OWN_PROJECT } from '../testing/endpoints';
import { Person, call, createGatewayApp, expectProblem, tokensFor } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';
import { path, queryString } from './goal-declaration.client';

const problem = {
  type: 'https://bpm.local/problems/indicator-weights-invalid',
  title: '业务规则不允许',
  status: 422,
  detail: '绩效指标权重合计应为100，当前为90',
  instance: '/internal/goals/P-U001-0001/declaration',
  code: 'INDICATOR_WEIGHTS_INVALID',
  errors: [{ field: 'declaration.indicators', message: '权重合计应为100' }],
  correlationId: 'upstream-corr',
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('GoalDeclarationClient: forwarding to goal-declaration', () => {
  const stub = new StubGoalDeclaration();
  let app: INestApplication;
  let tokens: Record<Person, string>;

  beforeAll(async () => {
    await stub.start();
    stub.goals.set(OWN_PROJECT, { projectId: OWN_PROJECT, unitId: 'U001', fiscalYear: 2026, status: 'draft' });
    app = await createGatewayApp({ goalDeclarationUrl: stub.url, upstreamTimeoutMs: 300 });
    tokens = await tokensFor();
  });
  afterAll(async () => {
    await app.close();
    await stub.stop();
  });
  beforeEach(() => stub.reset());

  it('sends the actor in a signed internal token, and the caller’s correlation and request ids', async () => {
    const res = await call(app, tokens.unitU001, 'post', `/goals/${OWN_PROJECT}/submission`)
      .set('x-correlation-id', 'corr-0001')
      .set('x-request-id', 'req-0001');
    expect(res.status).toBe(200);
    expect(res.headers['x-correlation-id']).toBe('corr-0001');
    for (const c of stub.calls) {
      expect(c.identity).toEqual({ actor: { id: 'zhang3', role: 'unit', unit: 'U001' }, issuer: 'gateway', jti: expect.any(String) });
      expect(c.headers).toMatchObject({ 'x-correlation-id': 'corr-0001', 'x-request-id': 'req-0001' });
      expect(Object.keys(c.headers).filter((h) => h.startsWith('x-actor'))).toEqual([]);
    }
    expect(stub.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /internal/goals/${OWN_PROJECT}`,
      `POST /internal/goals/${OWN_PROJECT}/submission`,
    ]);
  });

  it('mints a correlation id when the caller sends none, and passes it on; no unit for finance staff', async () => {
    const res = await call(app, tokens.admin, 'get', '/indicator-libraries/L2026');
    expect(res.status).toBe(200);
    expect(stub.calls[0].headers['x-correlation-id']).toBe(res.headers['x-correlation-id']);
    expect(stub.calls[0].identity?.actor).toEqual({ id: 'zhao6', role: 'finance-admin' });
  });

  it('forwards the JSON body and answers with the upstream body', async () => {
    const body = { changes: { name: '受益人数' }, reason: '更正名称' };
    const res = await call(app, tokens.admin, 'patch', '/indicator-libraries/L2026/indicators/I%3A01', body);
    expect(res.status).toBe(200);
    expect(stub.calls[0]).toMatchObject({ method: 'PATCH', path: '/internal/indicator-libraries/L2026/indicators/I:01', body });
    expect(res.body).toEqual({ echo: { method: 'PATCH', path: '/internal/indicator-libraries/L2026/indicators/I:01', query: {}, body } });
  });

  it.each([422, 409, 404, 400])('passes a %i problem+json through unchanged: status, body and content type', async (status) => {
    const text = JSON.stringify({ ...problem, status });
    stub.replyNext({ status: 200, body: JSON.stringify({ projectId: OWN_PROJECT, unitId: 'U001' }) });
    stub.replyNext({ status, body: text, contentType: 'application/problem+json; charset=utf-8' });
    const res = await call(app, tokens.unitU001, 'put', `/goals/${OWN_PROJECT}/declaration`, {
      declaration: { overallGoal: '目标', indicators: [] },
      libraryId: 'L2026',
    });
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.text).toBe(text);
  });

  it('answers 502 when the upstream fails without a problem', async () => {
    stub.replyNext({ status: 500, body: 'Internal Server Error', contentType: 'text/plain' });
    const res = await call(app, tokens.admin, 'get', '/indicator-libraries/L2026');
    expectProblem(res, 502, 'UPSTREAM_BAD_RESPONSE');
  });

  it('answers 502 when a success is not JSON', async () => {
    stub.replyNext({ status: 200, body: '<html>', contentType: 'text/html' });
    const res = await call(app, tokens.admin, 'get', '/indicator-libraries/L2026');
    expectProblem(res, 502, 'UPSTREAM_BAD_RESPONSE');
  });

  it('answers 504 when the upstream is too slow', async () => {
    stub.replyNext({ status: 200, body: '{}', delayMs: 1500 });
    const res = await call(app, tokens.admin, 'get', '/indicator-libraries/L2026');
    expectProblem(res, 504, 'UPSTREAM_TIMEOUT');
  });

  it('answers 503 when goal-declaration cannot be reached', async () => {
    const down = await createGatewayApp({ goalDeclarationUrl: `http://127.0.0.1:${await freePort()}` });
    try {
      const res = await call(down, tokens.admin, 'get', '/indicator-libraries/L2026');
      expectProblem(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(res.body.detail).toBe('绩效目标服务暂不可用，请稍后重试');
    } finally {
      await down.close();
    }
  });

  it('validates bodies before forwarding, naming fields in Chinese', async () => {
    const res = await call(app, tokens.admin, 'post', '/indicator-libraries', { region: '某县', fiscalYear: '2026年', extra: 1 });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const messages = res.body.errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^预算年度（fiscalYear）/),
        '是否启用成本指标（costLevelEnabled）必须是“是”或“否”（true 或 false）',
        '不允许提交字段“extra”',
      ]),
    );
    expect(stub.calls).toEqual([]);
  });
});

describe('client helpers', () => {
  it('escapes path segments', () => {
    expect(path`/internal/goals/${'a/b?c'}/x`).toBe('/internal/goals/a%2Fb%3Fc/x');
  });
  it('builds query strings from defined values only', () => {
    expect(queryString({ a: 1, b: undefined, c: '', d: 'x y', e: null })).toBe('?a=1&d=x+y');
    expect(queryString({})).toBe('');
  });
});
