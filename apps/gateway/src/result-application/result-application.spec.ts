import { INestApplication } from '@nestjs/common';
import { OWN_RECTIFICATION } from '../testing/endpoints';
import { Person, call, createGatewayApp, expectProblem, tokensFor } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';
import type { RectificationVerifications } from './rectification-verifications';

describe('gateway: result application (结果应用)', () => {
  const stub = new StubGoalDeclaration();
  let app: INestApplication;
  let tokens: Record<Person, string>;
  const verified: unknown[] = [];
  const verifications: RectificationVerifications = {
    verify: async (caseId, v) => {
      verified.push({ caseId, ...v });
      return { closed: false, case: {} as never };
    },
  };

  beforeAll(async () => {
    await stub.start();
    app = await createGatewayApp({ goalDeclarationUrl: stub.url, rectificationVerifications: verifications });
    tokens = await tokensFor();
  });
  afterAll(async () => {
    await app.close();
    await stub.stop();
  });
  beforeEach(() => {
    stub.reset();
    verified.length = 0;
  });

  describe('unit isolation', () => {
    it('answers the U002 user on U001’s case as if it did not exist, forwarding no answer', async () => {
      const res = await call(app, tokens.unitU002, 'post', `/rectifications/${OWN_RECTIFICATION}/requirements/R1/answers`, { measures: ['x'] });
      expectProblem(res, 404, 'RECTIFICATION_NOT_FOUND');
      expect(stub.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /internal/rectifications/${OWN_RECTIFICATION}`]);
    });

    it('the U002 user viewing U001’s case gets exactly the answer for an unknown case', async () => {
      const other = await call(app, tokens.unitU002, 'get', `/rectifications/${OWN_RECTIFICATION}`);
      stub.replyNext({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: '未找到', status: 404, detail: '未找到该记录', code: 'RECORD_NOT_FOUND' }) });
      const unknown = await call(app, tokens.unitU002, 'get', '/rectifications/C-NOPE');
      expectProblem(other, 404, 'RECTIFICATION_NOT_FOUND');
      expect({ status: unknown.status, code: unknown.body.code, detail: unknown.body.detail }).toEqual({ status: 404, code: other.body.code, detail: other.body.detail });
    });

    it('narrows a unit user’s lists to their unit and refuses another unit', async () => {
      for (const url of ['/rectifications', '/rectifications/open-requirements', '/budget-proposals', '/disclosures']) {
        stub.reset();
        expect((await call(app, tokens.unitU001, 'get', url)).status).toBe(200);
        expect(stub.calls[0].query['unitId']).toBe('U001');
        expectProblem(await call(app, tokens.unitU001, 'get', `${url}?unitId=U002`), 403);
      }
      stub.reset();
      await call(app, tokens.reviewer, 'get', '/rectifications?unitId=U002&status=open');
      expect(stub.calls[0].query).toEqual({ unitId: 'U002', status: 'open' });
    });

    it('refuses a disclosure proposal for another unit’s record before forwarding', async () => {
      expectProblem(await call(app, tokens.unitU001, 'post', '/disclosures', { disclosureId: 'D9', record: { unitId: 'U002' } }), 404, 'RECORD_NOT_FOUND');
      expectProblem(await call(app, tokens.unitU001, 'post', '/disclosures', { disclosureId: 'D9' }), 404, 'RECORD_NOT_FOUND');
      expect(stub.calls).toEqual([]);
    });

    it('forwards the unit’s call with an internal token for result-application naming the signed-in user', async () => {
      await call(app, tokens.unitU001, 'post', `/rectifications/${OWN_RECTIFICATION}/requirements/R1/answers`, { measures: ['修订管理办法'] });
      const answer = stub.calls.find((c) => c.method === 'POST');
      expect(answer?.path).toBe(`/internal/rectifications/${OWN_RECTIFICATION}/requirements/R1/answer`);
      expect(answer?.identity).toMatchObject({ actor: { id: 'zhang3', role: 'unit', unit: 'U001' }, issuer: 'gateway' });
    });
  });

  describe('verification goes to the workflow', () => {
    it('as the reviewer of the token, never the body', async () => {
      const res = await call(app, tokens.reviewer, 'post', `/rectifications/${OWN_RECTIFICATION}/requirements/R1/decision`, { decision: 'send-back', comments: '措施不具体', actor: { id: 'mallory', role: 'finance-admin' } });
      expect(res.status).toBe(200);
      expect(verified).toEqual([{ caseId: OWN_RECTIFICATION, requirementId: 'R1', decision: 'send-back', comments: '措施不具体', actor: { id: 'wang5', role: 'finance-reviewer' } }]);
    });

    it('refuses an unknown decision with a Chinese 422 and other roles with 403', async () => {
      expectProblem(await call(app, tokens.reviewer, 'post', `/rectifications/${OWN_RECTIFICATION}/requirements/R1/decision`, { decision: 'maybe' }), 422, 'DECISION_INVALID');
      for (const person of ['unitU001', 'admin', 'auditor', 'evaluator'] as const) {
        expectProblem(await call(app, tokens[person], 'post', `/rectifications/${OWN_RECTIFICATION}/requirements/R1/decision`, { decision: 'accept' }), 403);
      }
      expect(verified).toEqual([]);
    });
  });

  describe('public disclosure (公开) needs no token', () => {
    it('lists and shows through result-application’s public view, passing its 404 on', async () => {
      expect((await call(app, undefined, 'get', '/public/disclosures')).status).toBe(200);
      expect(stub.calls[0].path).toBe('/public/disclosures');
      stub.replyNext({ status: 404, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: '未找到', status: 404, detail: '未找到该公开信息', code: 'DISCLOSURE_NOT_FOUND' }) });
      expectProblem(await call(app, undefined, 'get', '/public/disclosures/D-secret'), 404, 'DISCLOSURE_NOT_FOUND');
    });
  });

  it('passes the .xlsx export through byte for byte with its export id', async () => {
    stub.replyNext({ status: 200, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: 'PK-fake-xlsx' });
    const res = await call(app, tokens.admin, 'get', '/budget-proposals/export?fiscalYear=2027').buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect((res.body as Buffer).toString()).toBe('PK-fake-xlsx');
    expect(stub.calls[0].query).toEqual({ fiscalYear: '2027' });
  });

  it('the OpenAPI document lists the result-application paths', async () => {
    const res = await call(app, undefined, 'get', '/docs-json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/rectifications', '/rectifications/{caseId}/requirements/{requirementId}/decision', '/budget-proposals/export', '/overlaps/scan', '/disclosures/{disclosureId}/approval', '/public/disclosures/{disclosureId}']),
    );
  });
});
