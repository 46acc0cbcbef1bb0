import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { OWN_PROJECT } from '../testing/endpoints';
import { Person, call, createGatewayApp, expectProblem, tokensFor } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';

const declaration = {
  overallGoal: '保障学生营养餐供应',
  indicators: [{ name: '受益学生人数', level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '人', annualTarget: 3500 }],
};

/** The gateway only passes versions through: goal-declaration owns them (its ETag, its 412). */
describe('ETag and If-Match through the gateway', () => {
  const stub = new StubGoalDeclaration();
  let app: INestApplication;
  let tokens: Record<Person, string>;

  beforeAll(async () => {
    await stub.start();
    stub.goals.set(OWN_PROJECT, { projectId: OWN_PROJECT, unitId: 'U001', fiscalYear: 2026, status: 'draft' });
    app = await createGatewayApp({ goalDeclarationUrl: stub.url, reviewDecisions: { decide: async () => ({}) as never } });
    tokens = await tokensFor();
  });
  afterAll(async () => {
    await app.close();
    await stub.stop();
  });
  beforeEach(() => stub.reset());

  it('GET /goals/:id answers with the goal’s ETag', async () => {
    const res = await call(app, tokens.unitU001, 'get', `/goals/${OWN_PROJECT}`);
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBe('"2"');
  });

  it.each([
    ['put', `/goals/${OWN_PROJECT}/declaration`, { declaration, libraryId: 'L2026' }, `/internal/goals/${OWN_PROJECT}/declaration`],
    ['post', `/goals/${OWN_PROJECT}/submission`, undefined, `/internal/goals/${OWN_PROJECT}/submission`],
    ['post', `/goals/${OWN_PROJECT}/adjustment-requests`, { reason: '实施内容变化' }, `/internal/goals/${OWN_PROJECT}/adjustment-requests`],
  ] as const)('%s %s passes If-Match on and relays the new ETag', async (method, url, body, upstream) => {
    const res = await call(app, tokens.unitU001, method, url, body).set('If-Match', '"2"');
    expect(res.status).toBeLessThan(300);
    expect(res.headers['etag']).toBe('"3"');
    expect(stub.forwarded()).toHaveLength(1);
    expect(stub.forwarded()[0]).toMatchObject({ path: upstream, headers: { 'if-match': '"2"' } });
  });

  it('sends no If-Match when the client sent none', async () => {
    await call(app, tokens.unitU001, 'put', `/goals/${OWN_PROJECT}/declaration`, { declaration, libraryId: 'L2026' });
    expect(stub.forwarded()[0]?.headers['if-match']).toBeUndefined();
  });

  it('relays goal-declaration’s 412 unchanged', async () => {
    const problem = { type: 'https://bpm.local/problems/version-mismatch', title: '数据已被修改', status: 412, detail: '该记录已被他人修改（当前为第3版，您依据的是第2版），请刷新后重试', code: 'VERSION_MISMATCH' };
    // The access check's GET answers first, then the queued 412 answers the PUT.
    stub.replyNext({ status: 200, body: JSON.stringify({ projectId: OWN_PROJECT, unitId: 'U001', fiscalYear: 2026, status: 'draft' }) });
    stub.replyNext({ status: 412, body: JSON.stringify(problem), contentType: 'application/problem+json; charset=utf-8' });
    const res = await call(app, tokens.unitU001, 'put', `/goals/${OWN_PROJECT}/declaration`, { declaration, libraryId: 'L2026' }).set('If-Match', '"2"');
    expectProblem(res, 412, 'VERSION_MISMATCH');
    expect(res.body.detail).toBe(problem.detail);
  });

  it('GET /indicator-libraries/:id relays the library’s ETag; a change passes If-Match on', async () => {
    stub.replyNext({ status: 200, body: JSON.stringify({ libraryId: 'county-2026', version: 5 }), headers: { etag: '"5"' } });
    const got = await call(app, tokens.admin, 'get', '/indicator-libraries/county-2026');
    expect(got.headers['etag']).toBe('"5"');
    const changed = await call(app, tokens.admin, 'post', '/indicator-libraries/county-2026/categories', { category: { id: 'edu', name: '教育' } }).set(
      'If-Match',
      '"5"',
    );
    expect(changed.status).toBe(201);
    expect(stub.calls.at(-1)?.headers['if-match']).toBe('"5"');
  });
});
