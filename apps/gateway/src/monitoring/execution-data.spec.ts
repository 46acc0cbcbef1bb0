import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { OWN_PROJECT } from '../testing/endpoints';
import { Person, createGatewayApp, expectProblem, tokensFor } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';

/** The gateway's monitoring routes against a stand-in: bytes forwarded as they came, problems relayed. */
describe('gateway: execution data (预算执行数据)', () => {
  const stub = new StubGoalDeclaration();
  let app: INestApplication;
  let tokens: Record<Person, string>;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    await stub.start();
    stub.goals.set(OWN_PROJECT, { projectId: OWN_PROJECT, unitId: 'U001', fiscalYear: 2026, status: 'approved' });
    app = await createGatewayApp({ goalDeclarationUrl: stub.url });
    tokens = await tokensFor();
  });
  afterAll(async () => {
    await app.close();
    await stub.stop();
  });
  beforeEach(() => stub.reset());

  it('forwards an uploaded file’s exact bytes with its Chinese name', async () => {
    const bytes = Buffer.from('项目编号,月份\n', 'utf8');
    const res = await api().post('/monitoring/execution-imports').set('Authorization', `Bearer ${tokens.admin}`).attach('file', bytes, '六月执行数据.csv');
    expect(res.status).toBe(200);
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0]).toMatchObject({ method: 'POST', path: '/internal/monitoring/execution-imports', body: { bytes: bytes.length } });
    expect(stub.calls[0].headers['content-type']).toBe('application/octet-stream');
    expect(decodeURIComponent(String(stub.calls[0].headers['x-file-name']))).toBe('六月执行数据.csv');
    expect(stub.calls[0].identity?.actor).toMatchObject({ role: 'finance-admin' });
  });

  it('asks for the file when none was sent', async () => {
    const res = await api().post('/monitoring/execution-imports').set('Authorization', `Bearer ${tokens.admin}`).send({});
    expectProblem(res, 400, 'EXECUTION_FILE_MISSING');
    expect(stub.calls).toEqual([]);
  });

  it('relays monitoring’s problem with the row errors unchanged', async () => {
    const problem = { type: 'https://bpm.local/problems/execution-data-invalid', title: '预算执行数据有误', status: 422, detail: '导入文件有1处错误，未导入任何数据，请更正后重新提交', code: 'EXECUTION_DATA_INVALID', errors: [{ field: '第3行 月份', row: 3, column: '月份', message: '月份不能为空' }] };
    stub.replyNext({ status: 422, contentType: 'application/problem+json; charset=utf-8', body: JSON.stringify(problem) });
    const res = await api().post('/monitoring/execution-imports').set('Authorization', `Bearer ${tokens.reviewer}`).attach('file', Buffer.from('x'), 'a.csv');
    expectProblem(res, 422, 'EXECUTION_DATA_INVALID');
    expect(res.body.errors).toEqual(problem.errors);
  });

  it('gives a file import longer than the usual upstream timeout (a year’s file takes tens of seconds)', async () => {
    const patient = await createGatewayApp({ goalDeclarationUrl: stub.url, upstreamTimeoutMs: 200 });
    try {
      stub.replyNext({ status: 200, body: JSON.stringify({ status: 'imported' }), delayMs: 600 });
      const slowImport = await request(patient.getHttpServer()).post('/monitoring/execution-imports').set('Authorization', `Bearer ${tokens.admin}`).attach('file', Buffer.from('x'), 'a.csv');
      expect(slowImport.body).toEqual({ status: 'imported' });
      stub.replyNext({ status: 200, body: '{}', delayMs: 600 });
      const slowFeed = await request(patient.getHttpServer()).post('/monitoring/execution-feed').set('Authorization', `Bearer ${tokens.admin}`).send({ records: [] });
      expectProblem(slowFeed, 504, 'UPSTREAM_TIMEOUT');
    } finally {
      await patient.close();
    }
  });

  it('says monitoring is unavailable in Chinese when it cannot be reached', async () => {
    const down = await createGatewayApp({ goalDeclarationUrl: stub.url, monitoringUrl: 'http://127.0.0.1:1' });
    try {
      const res = await request(down.getHttpServer()).post('/monitoring/execution-feed').set('Authorization', `Bearer ${tokens.admin}`).send({ records: [] });
      expectProblem(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(res.body.detail).toBe('绩效运行监控服务暂不可用，请稍后重试');
    } finally {
      await down.close();
    }
  });
});
