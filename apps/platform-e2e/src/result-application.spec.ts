jest.setTimeout(180_000);

import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { InternalTokenIssuer } from '@bpm/auth';
import { infraUrls } from '@bpm/config';
import { createRectificationActivities, describeRectificationCase, signalMeasuresAnswered, signalRectificationIssued, startRectificationCase } from '@bpm/workflows';
import { signToken } from '../../gateway/src/auth/sign-token';
import { AppModule as GatewayModule } from '../../gateway/src/app/app.module';
import { AppModule as ResultApplicationModule } from '../../result-application/src/app/app.module';
import { projected } from '../../result-application/src/testing/projected';

/**
 * 结果应用 end to end on the real PostgreSQL, Kafka and Temporal: result-application and the
 * gateway in this process, the rectification workflow on a worker of its own task queue with
 * the real HTTP activities (the orchestrator registers the same ones). The bridge from events
 * to workflow signals is the orchestrator's; here the test plays it.
 */
const run = randomUUID().slice(0, 8);
const queue = `rectification-e2e-${run}`;
const U1 = `U1-${run}`;
const U2 = `U2-${run}`;
let resultApp: INestApplication;
let gateway: INestApplication;
let worker: Worker;
let working: Promise<void>;
let temporal: Client;
const tokens: Record<string, string> = {};

async function boot(module: Type<unknown>) {
  const app = (await Test.createTestingModule({ imports: [module] }).compile()).createNestApplication({ logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  return app;
}

beforeAll(async () => {
  resultApp = await boot(ResultApplicationModule);
  const url = `http://127.0.0.1:${(resultApp.getHttpServer().address() as AddressInfo).port}`;
  process.env['RESULT_APPLICATION_URL'] = url;
  gateway = await boot(GatewayModule);
  const connection = await NativeConnection.connect({ address: infraUrls().temporalAddress });
  const issuer = InternalTokenIssuer.fromEnv('orchestrator');
  worker = await Worker.create({
    connection,
    taskQueue: queue,
    workflowsPath: resolve(__dirname, '../../../libs/workflows/src/workflows.ts'),
    activities: createRectificationActivities({ resultApplicationUrl: url, timeoutMs: 10_000, sign: (actor) => issuer.sign(actor as never, 'result-application') }),
  });
  working = worker.run();
  temporal = new Client({ connection: await Connection.connect({ address: infraUrls().temporalAddress }) });
  for (const [who, claims] of Object.entries({
    unit1: { sub: `zhang-${run}`, role: 'unit', unit: U1 },
    unit2: { sub: `li-${run}`, role: 'unit', unit: U2 },
    reviewer: { sub: `wang-${run}`, role: 'finance-reviewer' },
    admin: { sub: `zhao-${run}`, role: 'finance-admin' },
    auditor: { sub: `sun-${run}`, role: 'auditor' },
  } as const)) tokens[who] = await signToken(claims);
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await working;
  await gateway?.close();
  await resultApp?.close();
});

const api = () => request(gateway.getHttpServer());
const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

describe('result application (结果应用) end to end', () => {
  const caseId = `C-${run}`;
  const midProject = `P-MID-${run}`;
  const topProject = `P-TOP-${run}`;

  it('a 中 key evaluation gets a notice with two requirements; one sent back, both verified; the case closes', async () => {
    const finalAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    // The result is final: the case's clocks start (the orchestrator's bridge does this on the evaluation event).
    await startRectificationCase(temporal, { caseId, unitId: U1, projectId: midProject, noticeDueAt: new Date(Date.now() + 17 * 86_400_000).toISOString(), reminderMs: 3 * 86_400_000 }, queue);

    const issued = await api()
      .post('/rectifications')
      .set(as('reviewer'))
      .send({ caseId, source: { kind: 'key-evaluation', evaluationId: `KE-${run}`, projectId: midProject, unitId: U1, fiscalYear: 2026, grade: 'fair', finalAt }, requirements: [{ requirementId: 'R1', text: '完善项目资金管理制度' }, { requirementId: 'R2', text: '补充绩效指标的数据来源' }] });
    expect(issued.status).toBe(201);
    const answerDueAt = issued.body.events[0].data.answerDueAt;
    await signalRectificationIssued(temporal, caseId, { requirementIds: ['R1', 'R2'], answerDueAt });

    // The gateway checks the unit on the case's read model: wait until it is there.
    await projected(resultApp, [`rectification-${caseId}`]);
    // The other unit cannot answer; the own unit answers both.
    expect((await api().post(`/rectifications/${caseId}/requirements/R1/answers`).set(as('unit2')).send({ measures: ['x'] })).status).toBe(404);
    for (const r of ['R1', 'R2']) {
      expect((await api().post(`/rectifications/${caseId}/requirements/${r}/answers`).set(as('unit1')).send({ measures: [`措施${r}`] })).status).toBe(201);
      await signalMeasuresAnswered(temporal, caseId, r);
    }

    const verify = (r: string, body: object) => api().post(`/rectifications/${caseId}/requirements/${r}/decision`).set(as('reviewer')).send(body);
    // The domain's own refusal comes back through the workflow.
    const noComments = await verify('R1', { decision: 'send-back' });
    expect({ status: noComments.status, code: noComments.body.code }).toEqual({ status: 422, code: 'COMMENTS_REQUIRED' });
    const back = await verify('R1', { decision: 'send-back', comments: '措施不具体' });
    expect(back.status).toBe(200);
    expect(back.body.case.requirements[0]).toMatchObject({ status: 'awaiting-answer', dueAt: expect.any(String) });
    expect((await verify('R1', { decision: 'accept' })).body.code).toBe('REQUIREMENT_NOT_AWAITING_VERIFICATION');

    await api().post(`/rectifications/${caseId}/requirements/R1/answers`).set(as('unit1')).send({ measures: ['修订《专项资金管理办法》并印发'] });
    await signalMeasuresAnswered(temporal, caseId, 'R1');
    expect((await verify('R1', { decision: 'accept' })).body.closed).toBe(false);
    expect((await verify('R2', { decision: 'accept' })).body.closed).toBe(true);
    expect(await temporal.workflow.getHandle(`rectification-${caseId}`).result()).toMatchObject({ status: 'closed', overdueCount: 0 });

    await projected(resultApp, [`rectification-${caseId}`]);
    const listed = await api().get(`/rectifications?status=closed`).set(as('unit1'));
    expect(listed.body.items.map((c: { recordId: string }) => c.recordId)).toEqual([caseId]);
    const history = await api().get(`/audit/result-application/rectification/${caseId}/history`).set(as('auditor'));
    const verifications = history.body.events.filter((e: { type: string }) => ['MeasureSentBack', 'MeasureAccepted'].includes(e.type));
    // Recorded as the reviewer who decided, though the workflow carried it.
    expect(verifications.map((e: { metadata: { actor: { id: string } } }) => e.metadata.actor.id)).toEqual([`wang-${run}`, `wang-${run}`, `wang-${run}`]);
    expect((await describeRectificationCase(temporal, caseId)).status).toBe('closed');
  });

  it('next year: the 中 project is cut by the parameter, the 优 one prioritised; the export holds exactly those rows', async () => {
    const outcome = (projectId: string, grade: string) => ({ projectId, projectName: `项目${projectId}`, unitId: U1, grade, continuing: true, requestedFen: 2_000_000_00, budgetFen: 2_000_000_00, executedFen: 1_900_000_00, carryOverFen: 0, balanceFen: 0 });
    const generated = await api().post('/budget-proposals/generation').set(as('admin')).send({ fiscalYear: 2026, outcomes: [outcome(midProject, 'fair'), outcome(topProject, 'excellent')] });
    expect(generated.status).toBe(201);
    const [mid, top] = generated.body.items;
    expect(mid).toMatchObject({ action: 'cut', cutFen: 200_000_00, proposedFen: 1_800_000_00 });
    expect(mid.explanation[0]).toBe('评价等级为中，连续项目下年度延续金额2,000,000.00元按10%压减200,000.00元');
    expect(top).toMatchObject({ action: 'priority', proposedFen: 2_000_000_00 });
    for (const p of [midProject, topProject]) expect((await api().post(`/budget-proposals/2027/${p}/decision`).set(as('admin')).send({ decision: 'accept' })).status).toBe(200);
    await projected(resultApp, [midProject, topProject].map((p) => `budgetProposal-2027-${p}`));

    const file = await api().get('/budget-proposals/export?fiscalYear=2027').set(as('admin')).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as never);
    const rows = (book.getWorksheet('2027年度预算安排')?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows.filter((r) => r[3] === U1).map((r) => [r[1], r[5], r[8]])).toEqual([
      [midProject, '中', 1_800_000_00],
      [topProject, '优', 2_000_000_00],
    ]);
    expect(file.headers['x-export-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('two look-alike projects of different units are listed as an overlap', async () => {
    const year = 3000 + (parseInt(run.slice(0, 4), 16) % 5000);
    const scan = await api()
      .post('/overlaps/scan')
      .set(as('admin'))
      .send({
        fiscalYear: year,
        projects: [
          { projectId: `A-${run}`, projectName: '农村道路养护', unitId: U1, overallGoal: '完成全县农村公路日常养护，保障道路安全畅通', indicators: ['养护里程', '路面完好率'] },
          { projectId: `B-${run}`, projectName: '农村公路养护', unitId: U2, overallGoal: '完成全县农村公路日常养护，保障公路安全畅通', indicators: ['养护里程数', '路面完好率'] },
          { projectId: `C-${run}`, projectName: '中小学营养餐', unitId: U2, overallGoal: '为全县学生提供营养午餐', indicators: ['受益学生人数'] },
        ],
      });
    expect(scan.body.items.map((c: { candidateId: string }) => c.candidateId)).toEqual([`${year}:A-${run}:B-${run}`]);
    await projected(resultApp, [`overlap-${year}:A-${run}:B-${run}`]);
    const listed = await api().get(`/overlaps?fiscalYear=${year}`).set(as('reviewer'));
    expect(listed.body.items).toHaveLength(1);
  });

  it('the disclosed result appears on the public endpoint without a token, an undisclosed one does not', async () => {
    const record = (id: string) => ({ kind: 'evaluation-result', recordId: id, unitId: U1, fiscalYear: 2026, recordStatus: 'final', title: `评价结果-${id}`, content: { grade: '中', contactPhone: '13800000000' } });
    const shown = `D1-${run}`;
    const hidden = `D2-${run}`;
    for (const id of [shown, hidden]) expect((await api().post('/disclosures').set(as('unit1')).send({ disclosureId: id, record: record(id) })).status).toBe(201);
    await api().post(`/disclosures/${shown}/approval`).set(as('reviewer')).send({ redactions: [{ field: 'contactPhone', legalBasis: '《政府信息公开条例》第十五条' }] });
    await api().post(`/disclosures/${shown}/publication`).set(as('reviewer'));
    await projected(resultApp, [`disclosure-${shown}`]);
    const pub = await api().get(`/public/disclosures/${shown}`);
    expect(pub.status).toBe(200);
    expect(pub.body.content).toEqual({ grade: '中' });
    expect((await api().get(`/public/disclosures/${hidden}`)).status).toBe(404);
    expect((await api().get(`/public/disclosures/C-${run}`)).status).toBe(404);
  });
});
