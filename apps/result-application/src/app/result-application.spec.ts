import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { InternalTokenIssuer } from '@bpm/auth';
import type { EventStore } from '@bpm/event-store';
import { IS_PUBLIC_KEY } from '@bpm/auth';
import { projected } from '../testing/projected';
import { EVENT_STORE } from '../infrastructure/tokens';
import { AppModule } from './app.module';

jest.setTimeout(90_000);

type Actor = { id: string; role: string; unit?: string };
const run = randomUUID().slice(0, 8);
const U1 = `U1-${run}`;
const U2 = `U2-${run}`;
const reviewer: Actor = { id: 'wang5', role: 'finance-reviewer' };
const admin: Actor = { id: 'li4', role: 'finance-admin' };
const unit1: Actor = { id: 'zhang3', role: 'unit', unit: U1 };
const unit2: Actor = { id: 'zhao6', role: 'unit', unit: U2 };

let app: INestApplication;
const gateway = (actor: Actor) => InternalTokenIssuer.fromEnv('gateway').sign(actor as never, 'result-application');
const orchestrator = (actor: Actor) => InternalTokenIssuer.fromEnv('orchestrator').sign(actor as never, 'result-application');
const http = () => request(app.getHttpServer());
const post = async (path: string, body: object, token: Promise<string>) => http().post(path).set('Authorization', `Bearer ${await token}`).send(body);
const get = async (path: string, token: Promise<string>) => http().get(path).set('Authorization', `Bearer ${await token}`);

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [AppModule] }).compile();
  app = ref.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await app?.close();
});

function endpointsOf(module: Type<unknown>) {
  const controllers: Type<unknown>[] = Reflect.getMetadata('controllers', module) ?? [];
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
    const isPublic = Reflect.getMetadata(IS_PUBLIC_KEY, controller) === true;
    return Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor' && Reflect.getMetadata(PATH_METADATA, (controller.prototype as Record<string, object>)[name]) !== undefined)
      .map((name) => {
        const handler = (controller.prototype as Record<string, object>)[name];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase() as 'get' | 'post';
        const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler)).replace(/^\/|\/$/g, '')].filter(Boolean).join('/')}`.replace(/:(\w+)/g, 'x1');
        return { method, path, isPublic };
      });
  });
}

describe('result-application is born with the internal-token guard', () => {
  const endpoints = endpointsOf(AppModule);
  it.each(endpoints.filter((e) => !e.isPublic).map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))('%s refuses a call without a token (401 problem+json)', async (_label, e) => {
    const res = await http()[e.method](e.path).set('x-actor-role', 'finance-admin').send({});
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
  it('the public disclosure endpoints are the only ones without a token', () => {
    expect(endpoints.filter((e) => e.isPublic).map((e) => e.path)).toEqual(['/public/disclosures', '/public/disclosures/x1']);
  });
});

describe('rectification (整改) through the service', () => {
  const caseId = `C-${run}`;
  const issue = {
    caseId,
    source: { kind: 'key-evaluation', evaluationId: `KE-${run}`, projectId: `P-MID-${run}`, unitId: U1, fiscalYear: 2026, grade: 'fair', finalAt: new Date(Date.now() - 2 * 86_400_000).toISOString() },
    requirements: [
      { requirementId: 'R1', text: '完善项目资金管理制度' },
      { requirementId: 'R2', text: '补充绩效指标的数据来源' },
    ],
  };

  it('finance issues; the unit answers; the verification comes only from the workflow; the case closes', async () => {
    const bad = await post('/internal/rectifications', { ...issue, requirements: 'x' }, gateway(reviewer));
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toBe('整改要求应为列表');
    expect((await post('/internal/rectifications', issue, gateway(unit1))).status).toBe(403);
    const issued = await post('/internal/rectifications', issue, gateway(reviewer));
    expect(issued.status).toBe(201);
    expect(issued.body.state).toMatchObject({ status: 'open', noticeLate: false });
    expect((await post('/internal/rectifications', issue, gateway(reviewer))).status).toBe(409);

    // Another unit is told the case does not exist.
    expect((await post(`/internal/rectifications/${caseId}/requirements/R1/answer`, { measures: ['修订管理办法'] }, gateway(unit2))).status).toBe(404);
    const answered = await post(`/internal/rectifications/${caseId}/requirements/R1/answer`, { measures: ['修订管理办法', '开展专项培训'] }, gateway(unit1));
    expect(answered.status).toBe(200);
    expect((await post(`/internal/rectifications/${caseId}/requirements/R2/answer`, { measures: [''] }, gateway(unit1))).status).toBe(422);

    // A reviewer straight at the service, without the workflow: refused.
    const direct = await post(`/internal/rectifications/${caseId}/requirements/R1/verification`, { decision: 'accept' }, gateway(reviewer));
    expect(direct.status).toBe(403);
    const back = await post(`/internal/rectifications/${caseId}/requirements/R1/verification`, { decision: 'send-back', comments: '措施不具体' }, orchestrator(reviewer));
    expect(back.status).toBe(200);
    expect(back.body.events[0]).toMatchObject({ type: 'MeasureSentBack', data: { answerDueAt: expect.any(String) } });

    await projected(app, [`rectification-${caseId}`]);
    const open = await get(`/internal/rectifications/open-requirements?unitId=${U1}`, gateway(unit1));
    expect(open.body.items.map((r: { requirementId: string; status: string }) => `${r.requirementId}:${r.status}`)).toEqual(['R1:awaiting-answer', 'R2:awaiting-answer']);

    await post(`/internal/rectifications/${caseId}/requirements/R1/answer`, { measures: ['修订《专项资金管理办法》并印发'] }, gateway(unit1));
    await post(`/internal/rectifications/${caseId}/requirements/R2/answer`, { measures: ['逐项补充数据来源'] }, gateway(unit1));
    await post(`/internal/rectifications/${caseId}/requirements/R1/verification`, { decision: 'accept' }, orchestrator(reviewer));
    const last = await post(`/internal/rectifications/${caseId}/requirements/R2/verification`, { decision: 'accept' }, orchestrator(reviewer));
    expect(last.body.events.map((e: { type: string }) => e.type)).toEqual(['MeasureAccepted', 'RectificationClosed']);

    await projected(app, [`rectification-${caseId}`]);
    const list = await get(`/internal/rectifications?unitId=${U1}&status=closed`, gateway(reviewer));
    expect(list.body.items.map((r: { recordId: string }) => r.recordId)).toEqual([caseId]);
    const history = await get(`/internal/history/rectification/${caseId}`, gateway({ id: 'audit1', role: 'auditor' }));
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['RectificationIssued', 'MeasuresAnswered', 'MeasureSentBack', 'MeasuresAnswered', 'MeasuresAnswered', 'MeasureAccepted', 'MeasureAccepted', 'RectificationClosed']);
    expect(history.body.events[1].metadata.actor).toEqual({ id: 'zhang3', role: 'unit', unit: U1 });
  });

  it('overdue is recorded only from the workflow, as the system', async () => {
    const id = `C2-${run}`;
    await post('/internal/rectifications', { ...issue, caseId: id, source: { ...issue.source, projectId: `P-OTHER-${run}` } }, gateway(reviewer));
    expect((await post(`/internal/rectifications/${id}/requirements/R1/overdue`, {}, gateway(reviewer))).status).toBe(403);
    // Not yet due: the domain refuses even the workflow.
    const early = await post(`/internal/rectifications/${id}/requirements/R1/overdue`, {}, orchestrator({ id: 'orchestrator', role: 'system' }));
    expect(early.status).toBe(412);
    expect(early.body.code).toBe('NOT_YET_DUE');
  });
});

describe('next year budget proposals (预算安排)', () => {
  const outcome = (projectId: string, grade: string, unitId = U1) => ({ projectId, projectName: `项目${projectId}`, unitId, grade, continuing: true, requestedFen: 1_000_000_00, budgetFen: 1_000_000_00, executedFen: 900_000_00, carryOverFen: 0, balanceFen: 0 });

  it('generated from grades and open cases, decided by the finance admin, exported as .xlsx and JSON with an event each', async () => {
    // An open case on the 良 project adds the unfixed cut.
    const open = `C3-${run}`;
    await post('/internal/rectifications', { caseId: open, source: { kind: 'self-evaluation', evaluationId: `SE-${run}`, projectId: `P-GOOD-${run}`, unitId: U1, fiscalYear: 2026, grade: 'good', finalAt: new Date(Date.now() - 86_400_000).toISOString() }, requirements: [{ requirementId: 'R1', text: '整改' }] }, gateway(reviewer));
    await projected(app, [`rectification-${open}`]);
    const generated = await post('/internal/budget-proposals/generate', { fiscalYear: 2026, outcomes: [outcome(`P-MID-${run}`, 'fair'), outcome(`P-TOP-${run}`, 'excellent'), outcome(`P-GOOD-${run}`, 'good'), outcome(`P-POOR-${run}`, 'poor', U2)] }, gateway(admin));
    expect(generated.status).toBe(200);
    const byId = Object.fromEntries(generated.body.items.map((p: { projectId: string }) => [p.projectId, p]));
    expect(byId[`P-MID-${run}`]).toMatchObject({ action: 'cut', proposedFen: 900_000_00, fiscalYear: 2027 });
    expect(byId[`P-TOP-${run}`]).toMatchObject({ action: 'priority', proposedFen: 1_000_000_00 });
    expect(byId[`P-GOOD-${run}`]).toMatchObject({ action: 'cut', proposedFen: 950_000_00 });
    expect(byId[`P-POOR-${run}`]).toMatchObject({ action: 'cancel', proposedFen: 0 });
    expect((await post('/internal/budget-proposals/generate', { fiscalYear: 2026, outcomes: [outcome('x', 'fair')] }, gateway(reviewer))).status).toBe(403);

    const decide = (projectId: string, body: object, actor = admin) => post(`/internal/budget-proposals/2027/${projectId}/decision`, body, gateway(actor));
    expect((await decide(`P-MID-${run}`, { decision: 'accept' }, reviewer)).status).toBe(403);
    expect((await decide(`P-MID-${run}`, { decision: 'accept' })).status).toBe(200);
    expect((await decide(`P-TOP-${run}`, { decision: 'change', amountFen: 980_000_00 })).body.code).toBe('REASON_REQUIRED');
    expect((await decide(`P-TOP-${run}`, { decision: 'change', amountFen: 980_000_00, reason: '统筹压减' })).status).toBe(200);
    expect((await decide(`P-GOOD-${run}`, { decision: 'reject', reason: '待整改完成后再议' })).status).toBe(200);
    expect((await decide(`P-GOOD-${run}`, { decision: 'accept' })).status).toBe(409);

    await projected(app, [`P-MID-${run}`, `P-TOP-${run}`, `P-GOOD-${run}`].map((p) => `budgetProposal-2027-${p}`));
    const table = await get(`/internal/budget-proposals?fiscalYear=2027&unitId=${U1}`, gateway(admin));
    expect(table.body.totals.find((t: { grade: string }) => t.grade === 'fair')).toMatchObject({ count: 1, proposedFen: 900_000_00 });

    const json = await get('/internal/budget-proposals/export?fiscalYear=2027&format=json', gateway(admin));
    const mine = json.body.rows.filter((r: { unitId: string }) => r.unitId === U1);
    expect(mine.map((r: { projectId: string; amountFen: number }) => [r.projectId, r.amountFen])).toEqual([
      [`P-MID-${run}`, 900_000_00],
      [`P-TOP-${run}`, 980_000_00],
    ]);
    const [exported] = await app.get<EventStore>(EVENT_STORE).readStream(`budgetExport-${json.headers['x-export-id']}`);
    expect(exported).toMatchObject({ type: 'ProposalsExported', data: { format: 'json', fiscalYear: 2027 } });

    const xlsx = await http().get('/internal/budget-proposals/export?fiscalYear=2027').set('Authorization', `Bearer ${await gateway(admin)}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never); // exceljs types an older Buffer
    const rows = (book.getWorksheet('2027年度预算安排')?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('安排金额（分）');
    const mineInSheet = rows.filter((r) => r[3] === U1).map((r) => [r[1], r[6], r[8]]);
    expect(mineInSheet).toEqual([
      [`P-MID-${run}`, '压减', 900_000_00],
      [`P-TOP-${run}`, '优先保障', 980_000_00],
    ]);
    expect((await get('/internal/budget-proposals/export?fiscalYear=2027&format=json', gateway(reviewer))).status).toBe(403);
  });
});

describe('overlap (交叉重复) and disclosure (公开)', () => {
  it('lists look-alike projects of two units for the finance admin to confirm', async () => {
    const scan = await post(
      '/internal/overlaps/scan',
      {
        fiscalYear: 2030 + (parseInt(run.slice(0, 4), 16) % 1000),
        projects: [
          { projectId: `A-${run}`, projectName: '农村道路养护', unitId: U1, overallGoal: '完成全县农村公路日常养护，保障道路安全畅通', indicators: ['养护里程', '路面完好率'] },
          { projectId: `B-${run}`, projectName: '农村公路养护', unitId: U2, overallGoal: '完成全县农村公路日常养护，保障公路安全畅通', indicators: ['养护里程数', '路面完好率'] },
        ],
      },
      gateway(admin),
    );
    expect(scan.status).toBe(200);
    expect(scan.body.items).toHaveLength(1);
    const { candidateId, sharedIndicators } = scan.body.items[0];
    expect(sharedIndicators).toEqual(['养护里程 ≈ 养护里程数', '路面完好率']);
    expect((await post(`/internal/overlaps/${candidateId}/decision`, { decision: 'confirm' }, gateway(admin))).body.state.status).toBe('confirmed');
  });

  it('the public endpoint shows only published, redacted disclosures: every other record id is 404', async () => {
    const record = (recordId: string) => ({ kind: 'evaluation-result', recordId, unitId: U1, fiscalYear: 2026, recordStatus: 'final', title: `评价结果${recordId}`, content: { grade: '中', contactPhone: '13800000000', summary: '资金管理有待加强' } });
    const propose = (disclosureId: string) => post('/internal/disclosures', { disclosureId, record: record(disclosureId) }, gateway(unit1));
    const ids = { published: `D1-${run}`, approved: `D2-${run}`, proposed: `D3-${run}`, rejected: `D4-${run}` };
    for (const id of Object.values(ids)) expect((await propose(id)).status).toBe(201);
    expect((await post('/internal/disclosures', { disclosureId: `D5-${run}`, record: record('x') }, gateway(unit2))).status).toBe(404);
    const approve = (id: string) => post(`/internal/disclosures/${id}/approval`, { redactions: [{ field: 'contactPhone', legalBasis: '《政府信息公开条例》第十五条' }] }, gateway(reviewer));
    await approve(ids.published);
    await approve(ids.approved);
    await post(`/internal/disclosures/${ids.rejected}/rejection`, { reason: '涉及商业秘密' }, gateway(reviewer));
    expect((await post(`/internal/disclosures/${ids.proposed}/publication`, {}, gateway(reviewer))).status).toBe(412);
    expect((await post(`/internal/disclosures/${ids.published}/publication`, {}, gateway(reviewer))).status).toBe(200);
    await projected(app, Object.values(ids).map((id) => `disclosure-${id}`));

    const shown = await http().get(`/public/disclosures/${ids.published}`);
    expect(shown.status).toBe(200);
    expect(shown.body.content).toEqual({ grade: '中', summary: '资金管理有待加强' });
    expect(JSON.stringify(shown.body)).not.toContain('13800000000');

    // Every other record this service holds, by its id and by its stream, through the public endpoint.
    const all = (await app.get<EventStore>(EVENT_STORE).readStream(`disclosure-${ids.approved}`)).length;
    expect(all).toBeGreaterThan(0);
    const others = [ids.approved, ids.proposed, ids.rejected, `C-${run}`, `rectification-C-${run}`, `P-MID-${run}`, `disclosure-${ids.published}`, '..%2F..%2Finternal%2Fdisclosures', "' or 1=1 --"];
    for (const id of others) {
      const res = await http().get(`/public/disclosures/${encodeURIComponent(id)}`);
      expect([id, res.status]).toEqual([id, 404]);
    }
    const list = await http().get('/public/disclosures?pageSize=200');
    const listed = list.body.items.map((v: { disclosureId: string }) => v.disclosureId);
    expect(listed).toContain(ids.published);
    for (const id of [ids.approved, ids.proposed, ids.rejected]) expect(listed).not.toContain(id);
    expect(JSON.stringify(list.body)).not.toContain('13800000000');
  });
});
