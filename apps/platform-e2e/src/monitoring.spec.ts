jest.setTimeout(180_000);

import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { signToken } from '../../gateway/src/auth/sign-token';
import { InternalTokenIssuer } from '@bpm/auth';
import { internalHeaders } from '../../monitoring/src/testing/internal-auth';
import { createCorrectiveCaseActivities } from '../../orchestrator/src/monitoring/activities';
import { loadMonitoringConfig } from '../../orchestrator/src/monitoring/monitoring.config';
import { eventually, startPlatform, stopPlatform } from './support/platform';

/**
 * 绩效运行监控 end to end, through the gateway on the real PostgreSQL, Kafka and Temporal:
 * approved goals; an .xlsx of months 1–6 imported (and recognised the second time); June's
 * reports opened by the monthly cycle and filed; 25 % execution turns red with its numbers; one
 * case answered 调剂 in time, another past its deadline escalated, the project suspended and a
 * supplemental-fund application refused naming the case; the auditor reads every step.
 */
let running: Record<string, INestApplication>;
beforeAll(async () => {
  running = await startPlatform();
}, 120_000);
afterAll(async () => {
  if (running) await stopPlatform(running);
});

const run = randomUUID().slice(0, 8);
const unit = `U-M-${run}`;
const year = 2026;
const tokens: Record<string, string> = {};
const api = () => request(running['gateway'].getHttpServer());
/** monitoring's internal API, as the orchestrator's workflow activities call it (system, with the workflow's clock). */
const internal = () => request(running['monitoring'].getHttpServer());
const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
/** The orchestrator's corrective-case activities, against the monitoring this platform runs (MONITORING_URL). */
const correctiveActivities = () => createCorrectiveCaseActivities(loadMonitoringConfig(), InternalTokenIssuer.fromEnv('orchestrator'));
const system = (at: string) => internalHeaders({ id: 'orchestrator', role: 'system' }, { 'x-actor-at': at });

const declaration = {
  overallGoal: '完成全县义务教育学校校舍改造，改善办学条件',
  indicators: [
    { name: '改造校舍面积', level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '平方米', annualTarget: 12000 },
    { indicatorId: `T-${run}`, name: `资金拨付及时率-${run}`, level1: 'output', level2: 'timeliness', kind: 'common', direction: '>=', unitOfMeasure: '%', annualTarget: 95 },
    { name: '受益学生人数', level1: 'benefit', level2: 'social', kind: 'individual', direction: '>=', unitOfMeasure: '人', annualTarget: 3500 },
    { indicatorId: `S-${run}`, name: `服务对象满意度-${run}`, level1: 'satisfaction', level2: 'service-recipient', kind: 'common', direction: '>=', unitOfMeasure: '%', annualTarget: 90 },
  ],
};

async function executionWorkbook(rows: [string, number, number][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('预算执行数据');
  sheet.addRow(['项目编号', '月份', '指标下达金额（元）', '支付金额（元）', '预计结转金额（元）']);
  for (const [projectId, month, paid] of rows) sheet.addRow([projectId, `${year}-0${month}`, '1200000', paid.toFixed(2), '0']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('绩效运行监控 through the gateway', () => {
  const projects: Record<'timely' | 'late', string> = { timely: '', late: '' };
  const cases: Record<'timely' | 'late', string> = { timely: '', late: '' };

  beforeAll(async () => {
    tokens['unit'] = await signToken({ sub: `zhang-${run}`, role: 'unit', unit });
    tokens['other'] = await signToken({ sub: `li-${run}`, role: 'unit', unit: `U-X-${run}` });
    tokens['reviewer'] = await signToken({ sub: `wang-${run}`, role: 'finance-reviewer' });
    tokens['admin'] = await signToken({ sub: `zhao-${run}`, role: 'finance-admin' });
    tokens['auditor'] = await signToken({ sub: `sun-${run}`, role: 'auditor' });
  });

  it('two projects get approved goals (the way goal-declaration does it)', async () => {
    const opened = await api().post('/indicator-libraries').set(as('admin')).send({ region: 'county', fiscalYear: year, costLevelEnabled: false });
    const libraryId = opened.body.libraryId ?? 'county-2026';
    await api().post(`/indicator-libraries/${libraryId}/categories`).set(as('admin')).send({ category: { id: `m-${run}`, name: `监控测试-${run}` } }).expect(201);
    for (const [id, name, level1, level2] of [
      [`T-${run}`, `资金拨付及时率-${run}`, 'output', 'timeliness'],
      [`S-${run}`, `服务对象满意度-${run}`, 'satisfaction', 'service-recipient'],
    ]) {
      await api()
        .post(`/indicator-libraries/${libraryId}/indicators`)
        .set(as('admin'))
        .send({ indicator: { id, categoryId: `m-${run}`, name, level1, level2, unitOfMeasure: '%', direction: '>=', explanation: '示例', dataSource: '示例', kind: 'common' } })
        .expect(201);
    }
    for (const key of ['timely', 'late'] as const) {
      const registered = await api()
        .post('/projects')
        .set(as('unit'))
        .send({ project: { name: `校舍改造-${key}-${run}`, fiscalYear: year, budget: 'general-public', projectType: 'ordinary', amount: 1_200_000, isNew: false } })
        .expect(201);
      projects[key] = registered.body.projectId;
      await api().put(`/goals/${projects[key]}/declaration`).set(as('unit')).send({ declaration, libraryId }).expect(200);
      await api().post(`/goals/${projects[key]}/submission`).set(as('unit')).expect(200);
      await eventually(async () => {
        const res = await api().post(`/tasks/${projects[key]}/rounds/1/decision`).set(as('reviewer')).send({ decision: 'approve', rating: 'good' });
        expect(res.status).toBe(200);
      }, 60_000);
    }
    // monitoring learns of them from goal-declaration's topic
    for (const projectId of Object.values(projects)) {
      await eventually(async () => expect((await api().get(`/monitoring/projects/${projectId}`).set(as('reviewer'))).body.project?.status).toBe('approved'), 60_000);
    }
  });

  it('imports months 1–6 from an .xlsx, and recognises the same file the second time', async () => {
    const rows: [string, number, number][] = [];
    for (let m = 1; m <= 6; m++) rows.push([projects.timely, m, 50_000 * m], [projects.late, m, 50_000 * m]);
    const file = await executionWorkbook(rows);
    const template = await api().get('/monitoring/execution-template').set(as('reviewer'));
    expect(template.status).toBe(200);
    const first = await api().post('/monitoring/execution-imports').set(as('reviewer')).attach('file', file, '1-6月执行数据.xlsx');
    expect(first.body).toMatchObject({ status: 'imported', rowCount: 12, recordedCount: 12, unknownProjects: [] });
    const again = await api().post('/monitoring/execution-imports').set(as('reviewer')).attach('file', file, '1-6月执行数据（重复）.xlsx');
    expect(again.body).toMatchObject({ status: 'already-imported', importId: first.body.importId });
    const byUnit = await api().post('/monitoring/execution-imports').set(as('unit')).attach('file', file, 'x.xlsx');
    expect(byUnit.status).toBe(403);
    await eventually(async () => {
      const timeline = await api().get(`/monitoring/projects/${projects.late}`).set(as('unit'));
      expect(timeline.body.months.map((m: { month: number }) => m.month)).toEqual([1, 2, 3, 4, 5, 6]);
    });
    expect((await api().get(`/monitoring/projects/${projects.late}`).set(as('other'))).status).toBe(404); // another unit's project does not exist for them
  });

  it('opens June’s reports (the monthly cycle, on 1 July); 25 % execution is red with its numbers and opens a case each', async () => {
    for (const projectId of Object.values(projects)) {
      await internal().post('/internal/monitoring/reports').set(await system(`${year}-07-01T01:00:00.000Z`)).send({ projectId, month: 6 }).expect(201);
    }
    for (const key of ['timely', 'late'] as const) {
      const report = await eventually(async () => {
        const res = await api().get(`/monitoring/reports/${projects[key]}/${year}/6`).set(as('unit'));
        expect(res.body.warnings).toHaveLength(1);
        return res.body;
      });
      expect(report.warnings[0]).toMatchObject({ rule: 'execution-ratio', level: 'red' });
      expect(report.warnings[0].explanation).toContain('25.0%');
      const timeline = await eventually(async () => {
        const res = await api().get(`/monitoring/projects/${projects[key]}`).set(as('unit'));
        expect(res.body.cases).toHaveLength(1);
        return res.body;
      });
      cases[key] = timeline.cases[0].caseId;
    }
    const board = await eventually(async () => {
      const res = await api().get('/monitoring/warning-board').query({ fiscalYear: year, unitId: unit }).set(as('reviewer'));
      expect(res.body.byLevel.red).toBe(2);
      return res.body;
    });
    expect(board.byUnit[unit]).toEqual({ red: 2 });
  });

  it('the unit files June’s report with the cause and measure of the deviation; finance accepts it', async () => {
    const path = `/monitoring/reports/${projects.timely}/${year}/6`;
    const content = {
      indicators: declaration.indicators.map((i) => ({ indicatorName: i.name, actual: (Number(i.annualTarget) * (i.unitOfMeasure === '%' ? 1 : 0.5)), likelihood: 'certain' })),
      executionDeviation: { cause: 'institutional', explanation: '工程招标延期', measure: '加快合同签订与资金支付' },
    };
    await api().put(`${path}/draft`).set(as('unit')).send({ content }).expect(200);
    expect((await api().post(`${path}/submission`).set(as('other'))).status).toBe(404);
    await api().post(`${path}/submission`).set(as('unit')).expect(200);
    const accepted = await api().post(`${path}/review`).set(as('reviewer')).send({ decision: 'accept', comments: '请按措施推进' });
    expect(accepted.body.status).toBe('accepted');
  });

  it('one case is answered 调剂 in time', async () => {
    expect((await api().post(`/monitoring/cases/${cases.timely}/answer`).set(as('other')).send({ choice: 'reallocate', reasons: 'x' })).status).toBe(404);
    // through the case's follow-up workflow, which the orchestrator starts from monitoring's topic a moment after the case opens
    const answered = await eventually(async () => {
      const res = await api().post(`/monitoring/cases/${cases.timely}/answer`).set(as('unit')).send({ choice: 'reallocate', reasons: '结余资金调剂至急需的校舍维修' });
      expect(res.status).toBe(200);
      return res;
    });
    expect(answered.body).toMatchObject({ status: 'answered', answer: { choice: 'reallocate', late: false } });
  });

  it('the other passes its deadline, is escalated, suspended, and money for the project is refused naming the case', async () => {
    const late = await api().get(`/monitoring/cases/${cases.late}`).set(as('reviewer'));
    const afterDue = new Date(Date.parse(late.body.dueAt) + 60_000).toISOString();
    // the orchestrator's escalation activity, as the case's follow-up runs it when its deadline timer fires (time-skipped in the workflow tests)
    await correctiveActivities().escalateCorrectiveCase({ caseId: cases.late, projectId: projects.late, unitId: unit, dueAt: late.body.dueAt, at: afterDue });
    await api().post(`/monitoring/cases/${cases.late}/allocation-restriction`).set(as('reviewer')).send({ mode: 'suspend', reason: '逾期未答复纠偏措施' }).expect(200);
    const status = await api().get(`/monitoring/projects/${projects.late}/allocation`).set(as('unit'));
    expect(status.body).toMatchObject({ allowed: false, caseId: cases.late });

    const notice = await api()
      .post('/fund-notices')
      .set(as('admin'))
      .send({
        notice: {
          fiscalYear: year, documentNo: `示财预〔2026〕M${run}号`, fundName: '校舍维修补助资金', source: 'provincial', amount: 100_000_000,
          upperLevelGoalTable: { overallGoal: '改善办学条件', indicators: [{ name: '维修校舍面积', unitOfMeasure: '平方米', direction: '>=', target: 1000 }] },
        },
      })
      .expect(201);
    // goal-declaration learns of the suspension from monitoring's topic: until the event arrives
    // (a second or two) an application still goes through; the notice is large enough for that.
    const refused = await eventually(async () => {
      const res = await api().post(`/fund-notices/${notice.body.noticeId}/applications`).set(as('unit')).send({ projectId: projects.late, amount: 1_000, purpose: '校舍维修' });
      expect(res.status).toBe(422);
      return res;
    }, 60_000, 500);
    expect(refused.body.code).toBe('ALLOCATION_RESTRICTED');
    expect(refused.body.detail).toContain(cases.late);
    expect(refused.body.detail).toContain('暂缓拨款');
    const allowed = await api().post(`/fund-notices/${notice.body.noticeId}/applications`).set(as('unit')).send({ projectId: projects.timely, amount: 300_000, purpose: '校舍维修' });
    expect(allowed.status).toBe(201);
  });

  it('the auditor reads every step of the case and the report, with hashes', async () => {
    const caseHistory = await api().get(`/audit/streams/correctiveCase-${cases.late}/events`).set(as('auditor'));
    expect(caseHistory.body.events.map((e: { type: string }) => e.type)).toEqual(['CorrectiveCaseOpened', 'CorrectiveCaseEscalated', 'AllocationRestricted']);
    expect(caseHistory.body.events.every((e: { hash: string }) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    const reportHistory = await api().get(`/audit/streams/monitoringReport-${projects.timely}-${year}-06/events`).set(as('auditor'));
    expect(reportHistory.body.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['MonitoringReportOpened', 'ExecutionFiguresRecorded', 'MonitoringWarningsAssessed', 'MonitoringReportSubmitted', 'MonitoringReportAccepted']),
    );
    const ledger = await api().get(`/audit/streams/projectExecution-${projects.late}/events`).set(as('auditor'));
    expect(ledger.body.events).toHaveLength(6);
  });
});
