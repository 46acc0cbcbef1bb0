jest.setTimeout(240_000);

import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signToken } from '../../gateway/src/auth/sign-token';
import { internalHeaders } from '../../monitoring/src/testing/internal-auth';
import { eventually, startPlatform, stopPlatform } from './support/platform';

/**
 * 绩效评价 end to end, through the gateway on the real PostgreSQL, Kafka and Temporal: a project
 * with an approved goal and December's monitoring data; its self-evaluation opens prefilled; the
 * unit corrects one actual with a reason and gives reasons for its shortfalls (one objective, one
 * subjective); the score and grade are computed and the derivation names the events behind each
 * input; the reviewer accepts. A key evaluation: selection, an assignment refused for a linked
 * agency, another accepted, the evaluator scores it, finance reviews, 良 results. Another unit's
 * user and an unassigned evaluator are refused at each step.
 */
let running: Record<string, INestApplication>;
beforeAll(async () => {
  running = await startPlatform();
}, 120_000);
afterAll(async () => {
  if (running) await stopPlatform(running);
});

const run = randomUUID().slice(0, 8);
const unit = `U-E-${run}`;
const year = 2026;
const tokens: Record<string, string> = {};
const api = () => request(running['gateway'].getHttpServer());
const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
/** Another unit's record, and an evaluation not assigned to the evaluator, answer as missing ones do: existence is not disclosed. */
const HIDDEN = 404;
const system = (at: string) => internalHeaders({ id: 'orchestrator', role: 'system' }, { 'x-actor-at': at });

const declaration = {
  overallGoal: '开展职业技能培训，提升城乡劳动者就业能力',
  indicators: [
    { name: '培训人次', level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '人次', annualTarget: 1000, weight: 30 },
    { indicatorId: `T-${run}`, name: `培训合格率-${run}`, level1: 'output', level2: 'quality', kind: 'common', direction: '>=', unitOfMeasure: '%', annualTarget: 90, weight: 20 },
    { name: '就业人数', level1: 'benefit', level2: 'social', kind: 'individual', direction: '>=', unitOfMeasure: '人', annualTarget: 500, weight: 30 },
    { indicatorId: `S-${run}`, name: `学员满意度-${run}`, level1: 'satisfaction', level2: 'service-recipient', kind: 'common', direction: '>=', unitOfMeasure: '%', annualTarget: 90, weight: 20 },
  ],
};
const [trainees, passRate, jobs, satisfaction] = declaration.indicators.map((i) => i.name);

describe('绩效评价 through the gateway', () => {
  let projectId = '';

  beforeAll(async () => {
    tokens['unit'] = await signToken({ sub: `zhang-${run}`, role: 'unit', unit });
    tokens['other'] = await signToken({ sub: `li-${run}`, role: 'unit', unit: `U-X-${run}` });
    tokens['reviewer'] = await signToken({ sub: `wang-${run}`, role: 'finance-reviewer' });
    tokens['admin'] = await signToken({ sub: `zhao-${run}`, role: 'finance-admin' });
    tokens['auditor'] = await signToken({ sub: `sun-${run}`, role: 'auditor' });
  });

  it('a project gets an approved goal and December’s monitoring data', async () => {
    const opened = await api().post('/indicator-libraries').set(as('admin')).send({ region: 'county', fiscalYear: year, costLevelEnabled: false });
    const libraryId = opened.body.libraryId ?? 'county-2026';
    await api().post(`/indicator-libraries/${libraryId}/categories`).set(as('admin')).send({ category: { id: `e-${run}`, name: `评价测试-${run}` } }).expect(201);
    for (const i of declaration.indicators.filter((x) => x.indicatorId)) {
      await api()
        .post(`/indicator-libraries/${libraryId}/indicators`)
        .set(as('admin'))
        .send({ indicator: { id: i.indicatorId, categoryId: `e-${run}`, name: i.name, level1: i.level1, level2: i.level2, unitOfMeasure: '%', direction: '>=', explanation: '示例', dataSource: '示例', kind: 'common' } })
        .expect(201);
    }
    const registered = await api()
      .post('/projects')
      .set(as('unit'))
      .send({ project: { name: `职业技能培训-${run}`, fiscalYear: year, budget: 'general-public', projectType: 'ordinary', amount: 1_200_000, isNew: false } })
      .expect(201);
    projectId = registered.body.projectId;
    await api().put(`/goals/${projectId}/declaration`).set(as('unit')).send({ declaration, libraryId }).expect(200);
    await api().post(`/goals/${projectId}/submission`).set(as('unit')).expect(200);
    await eventually(async () => {
      const res = await api().post(`/tasks/${projectId}/rounds/1/decision`).set(as('reviewer')).send({ decision: 'approve', rating: 'good' });
      expect(res.status).toBe(200);
    }, 60_000);
    await eventually(async () => expect((await api().get(`/monitoring/projects/${projectId}`).set(as('reviewer'))).body.project?.status).toBe('approved'), 60_000);

    // December: 1,104,000 of 1,200,000 paid (92 %), from the budget platform's file.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('预算执行数据');
    sheet.addRow(['项目编号', '月份', '指标下达金额（元）', '支付金额（元）', '预计结转金额（元）']);
    sheet.addRow([projectId, `${year}-12`, '1200000', '1104000.00', '0']);
    const imported = await api().post('/monitoring/execution-imports').set(as('reviewer')).attach('file', Buffer.from(await wb.xlsx.writeBuffer()), '12月执行数据.xlsx');
    expect(imported.body).toMatchObject({ recordedCount: 1, unknownProjects: [] });
    await request(running['monitoring'].getHttpServer()).post('/internal/monitoring/reports').set(await system(`${year + 1}-01-01T01:00:00.000Z`)).send({ projectId, month: 12 }).expect(201);
    const report = `/monitoring/reports/${projectId}/${year}/12`;
    const actuals: Record<string, number> = { [trainees]: 900, [passRate]: 95, [jobs]: 450, [satisfaction]: 93 };
    await eventually(async () => expect((await api().get(report).set(as('unit'))).status).toBe(200));
    // The imported figures reach the report stream on their own (monitoring's reactions); a draft or
    // submission that raced them gets 409 and is simply filed again, as a clerk would.
    await eventually(async () => {
      const draft = await api().put(`${report}/draft`).set(as('unit')).send({ content: { indicators: Object.entries(actuals).map(([indicatorName, actual]) => ({ indicatorName, actual, likelihood: 'certain' })) } });
      expect(draft.status).toBe(200);
      const submitted = await api().post(`${report}/submission`).set(as('unit'));
      expect(submitted.status).toBe(200);
    });
    // evaluation learns the facts from both topics (its own read model; white-box wait, nothing is written here)
    const db = running['evaluation'].get(DataSource);
    await eventually(async () => {
      const [{ n }] = await db.query(`select count(*)::int as n from evaluation.indicator_actual_fact where "projectId" = $1`, [projectId]);
      const [execution] = await db.query(`select "paidFen" from evaluation.execution_fact where "projectId" = $1`, [projectId]);
      const [goal] = await db.query(`select "goalStatus" from evaluation.project_facts where "projectId" = $1`, [projectId]);
      expect({ n, paid: execution && Number(execution.paidFen), goal: goal?.goalStatus }).toEqual({ n: 4, paid: 110_400_000, goal: 'approved' });
    }, 60_000);
  });

  it('the self-evaluation opens prefilled, with the events behind each figure', async () => {
    expect((await api().post(`/self-evaluations/${projectId}/opening`).set(as('unit'))).status).toBe(403);
    await api().post(`/self-evaluations/${projectId}/opening`).set(as('admin')).expect(201);
    const form = await api().get(`/self-evaluations/${projectId}`).set(as('unit')).expect(200);
    expect(form.body.prefilled).toMatchObject({ budgetFen: 120_000_000, executedFen: 110_400_000 });
    const first = form.body.prefilled.indicators.find((i: { name: string }) => i.name === trainees);
    expect(first).toMatchObject({ target: 1000, monitoredActual: 900, weight: 30 });
    expect(first.evidence.map((e: { stream: string }) => e.stream)).toEqual([`goal-${projectId}`, `goal-${projectId}`, `monitoringReport-${projectId}-${year}-12`]);
    expect((await api().get(`/self-evaluations/${projectId}`).set(as('other'))).status).toBe(HIDDEN);
  });

  it('the unit corrects one actual with a reason, gives reasons (objective and subjective) and submits; the score explains itself', async () => {
    const body = {
      actuals: [
        { name: trainees, kind: 'corrected', actual: 950, reason: '12月补录线下培训50人次' },
        { name: passRate, kind: 'confirmed' },
        { name: jobs, kind: 'confirmed' },
        { name: satisfaction, kind: 'confirmed' },
      ],
      reasons: [
        { indicatorName: trainees, nature: 'objective', text: '汛期停课一个月' },
        { indicatorName: jobs, nature: 'subjective', text: '就业跟踪服务不到位' },
      ],
    };
    expect((await api().post(`/self-evaluations/${projectId}/form`).set(as('other')).send(body)).status).toBe(HIDDEN);
    await api().post(`/self-evaluations/${projectId}/form`).set(as('unit')).send(body).expect(200);
    expect((await api().post(`/self-evaluations/${projectId}/submission`).set(as('other'))).status).toBe(HIDDEN);
    const submitted = await api().post(`/self-evaluations/${projectId}/submission`).set(as('unit')).expect(200);
    expect(submitted.body.flags).toEqual([]);

    const score = await api().get(`/self-evaluations/${projectId}/score`).set(as('reviewer')).expect(200);
    // 9.2 + 50 × (30 × 0.95 + 20) / 50 + 30 × 0.9 + 10 = 9.2 + 48.5 + 27 + 10 = 94.7
    expect(score.body).toMatchObject({ basis: 'submitted', total: 94.7, grade: 'excellent' });
    expect(score.body.execution).toMatchObject({ points: 9.2 });
    const line = score.body.indicators.find((i: { name: string }) => i.name === trainees);
    expect(line).toMatchObject({ target: 1000, actual: 950, direction: '>=', weight: 30, maxPoints: 30, points: 28.5, shortfall: true });
    expect(line.rule).toContain('950');
    expect(line.evidence.map((e: { stream: string }) => e.stream)).toEqual([`goal-${projectId}`, `goal-${projectId}`, `monitoringReport-${projectId}-${year}-12`, `selfEvaluation-${projectId}`]);
    expect(score.body.execution.evidence.map((e: { stream: string }) => e.stream)).toEqual([`goal-${projectId}`, `projectExecution-${projectId}`]);
    expect((await api().get(`/self-evaluations/${projectId}/score`).set(as('other'))).status).toBe(HIDDEN);
  });

  it('the reviewer accepts; the grade names its rule; coverage counts it', async () => {
    expect((await api().post(`/self-evaluations/${projectId}/review`).set(as('unit')).send({ decision: 'accept' })).status).toBe(403);
    const accepted = await api().post(`/self-evaluations/${projectId}/review`).set(as('reviewer')).send({ decision: 'accept' }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', total: 94.7, grade: 'excellent' });
    const grade = await api().get(`/self-evaluations/${projectId}/grade`).set(as('auditor')).expect(200);
    expect(grade.body).toMatchObject({ gradeLabel: '优', thresholds: { excellent: 90, good: 80, fair: 60 } });
    expect(grade.body.gradeRule).toContain('94.7');
    await eventually(async () => {
      const coverage = await api().get('/evaluation-reports/self-evaluation-coverage').query({ fiscalYear: year }).set(as('unit'));
      expect(coverage.body).toMatchObject({ projects: 1, evaluated: 1, fullCoverage: true });
    });
    expect((await api().get('/evaluation-reports/self-evaluation-coverage').query({ fiscalYear: year, unitId: unit }).set(as('other'))).status).toBe(403);
  });

  it('a key evaluation: a linked agency refused, an independent one assigned, scored 良 and reviewed; strangers refused at each step', async () => {
    const admit = async (kind: string, name: string) => (await api().post('/third-parties').set(as('admin')).send({ kind, name, qualifications: ['绩效评价'] }).expect(201)).body.id as string;
    const linked = await admit('agency', `关联事务所-${run}`);
    const agency = await admit('agency', `独立评价中心-${run}`);
    const expert = await admit('expert', `张教授-${run}`);
    await api().post(`/third-parties/${linked}/relations`).set(as('admin')).send({ unitId: unit, relation: '近三年为该单位提供审计服务' }).expect(200);
    const refusedAdmission = await api().post('/third-parties').set(as('admin')).send({ kind: 'agency', name: `违规机构-${run}`, violations: [{ date: `${new Date().getFullYear() - 1}-05-01`, major: true, description: '出具不实报告' }] });
    expect(refusedAdmission.status).toBe(422);

    const candidates = await api().get('/key-evaluations/candidates').query({ fiscalYear: year, minAmount: 1_000_000, budget: 'general-public' }).set(as('admin')).expect(200);
    expect(candidates.body.items.map((i: { projectId: string }) => i.projectId)).toContain(projectId);
    await api().post(`/key-evaluations/${projectId}/selection`).set(as('admin')).send({ reason: '资金量大、社会关注度高' }).expect(201);
    const refused = await api().post(`/key-evaluations/${projectId}/assignment`).set(as('admin')).send({ agencyId: linked, expertIds: [expert] });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('存在关联关系');
    await api().post(`/key-evaluations/${projectId}/assignment`).set(as('admin')).send({ agencyId: agency, expertIds: [expert] }).expect(200);

    tokens['evaluator'] = await signToken({ sub: `liu-${run}`, role: 'evaluator', unit: agency });
    tokens['stranger'] = await signToken({ sub: `qian-${run}`, role: 'evaluator', unit: linked });
    const base = `/key-evaluations/${projectId}`;
    const tree = [
      { level1: 'decision', level2: '立项', name: '立项依据充分性', maxPoints: 10, points: 9, basis: '符合规划' },
      { level1: 'decision', level2: '资金投入', name: '预算编制科学性', maxPoints: 10, points: 8, basis: '测算依据基本充分' },
      { level1: 'process', level2: '资金管理', name: '资金使用合规性', maxPoints: 20, points: 17, basis: '个别凭证不全' },
      { level1: 'output', level2: '数量', name: '培训人次完成率', maxPoints: 30, points: 26, basis: '完成95%' },
      { level1: 'benefit', level2: '社会', name: '就业率', maxPoints: 30, points: 25, basis: '就业人数450人' },
    ];
    const steps: [string, object | undefined][] = [
      [`${base}/milestones`, { milestone: 'work-plan', summary: '评价工作方案' }],
      [`${base}/milestones`, { milestone: 'fieldwork', summary: '现场核查3个培训点' }],
      [`${base}/draft`, { indicators: tree, findings: '就业跟踪不足', recommendations: '建立就业回访机制' }],
    ];
    for (const [path, body] of steps) {
      expect((await api().post(path).set(as('stranger')).send(body)).status).toBe(HIDDEN);
      expect((await api().post(path).set(as('other')).send(body)).status).toBe(403); // a unit user may not carry out evaluations at all
      const res = await api().post(path).set(as('evaluator')).send(body);
      expect(res.status).toBe(200);
      if (path.endsWith('/draft')) expect(res.body.draft).toMatchObject({ total: 85, grade: 'good' });
    }
    expect((await api().get(base).set(as('stranger'))).status).toBe(HIDDEN);
    expect((await api().get(base).set(as('other'))).status).toBe(HIDDEN);
    expect((await api().post(`${base}/review`).set(as('evaluator')).send({ decision: 'accept' })).status).toBe(403);
    await api().post(`${base}/review`).set(as('reviewer')).send({ decision: 'accept', comments: '同意' }).expect(200);
    expect((await api().post(`${base}/final-report`).set(as('stranger'))).status).toBe(HIDDEN);
    const final = await api().post(`${base}/final-report`).set(as('evaluator')).expect(200);
    expect(final.body).toMatchObject({ status: 'completed', result: { total: 85, grade: 'good' } });
    await api().post(`/third-parties/${agency}/ratings`).set(as('admin')).send({ evaluationId: projectId, score: 88, comment: '按期完成' }).expect(200);

    const mine = await eventually(async () => {
      const res = await api().get('/key-evaluations').query({ fiscalYear: year }).set(as('evaluator'));
      expect(res.body.items.map((i: { projectId: string; status: string }) => [i.projectId, i.status])).toEqual([[projectId, 'completed']]);
      return res.body;
    });
    expect(mine.items[0].grade).toBe('good');
    expect((await api().get('/key-evaluations').query({ fiscalYear: year }).set(as('stranger'))).body.items).toEqual([]);
    const history = await api().get(base).set(as('auditor')).expect(200);
    expect(history.body.history.map((e: { type: string }) => e.type)).toEqual([
      'KeyEvaluationSelected', 'KeyEvaluationAssigned', 'KeyEvaluationMilestoneReached', 'KeyEvaluationMilestoneReached', 'KeyEvaluationDraftSubmitted', 'KeyEvaluationDraftAccepted', 'KeyEvaluationCompleted',
    ]);
  });
});
