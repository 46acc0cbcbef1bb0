import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { InternalTokenIssuer } from '@bpm/auth';
import type { Actor } from '@bpm/contracts';
import { approvedProject, monitoredYear, publish, TestIndicator } from '../testing/facts';
import { AppModule } from './app.module';

/**
 * The evaluation service on the real PostgreSQL and Kafka: facts arrive as other contexts'
 * events, a self-evaluation opens prefilled with their evidence, is corrected, scored, flagged
 * and accepted; a key evaluation is selected, refused for a linked agency, assigned, scored 良.
 */
jest.setTimeout(120_000);

const run = randomUUID().slice(0, 8);
// A year of its own as far as it goes (2030–2099); assertions on a whole year count only this run's unit and projects.
const year = 2030 + (parseInt(run.slice(0, 4), 16) % 70);
const P = `p-${run}`;
const P2 = `p2-${run}`;
const U1 = `u1-${run}`;
const U2 = `u2-${run}`;
const issuer = InternalTokenIssuer.fromEnv('gateway');
const actors = {
  unit: { id: 'li', role: 'unit', unit: U1 },
  otherUnit: { id: 'zhao', role: 'unit', unit: U2 },
  admin: { id: 'chen', role: 'finance-admin' },
  reviewer: { id: 'wang', role: 'finance-reviewer' },
  auditor: { id: 'sun', role: 'auditor' },
} satisfies Record<string, Actor>;

const indicators: TestIndicator[] = [
  { name: '培训人次', level1: 'output', level2: 'quantity', direction: '>=', annualTarget: 1000, weight: 30 },
  { name: '培训合格率', level1: 'output', level2: 'quality', direction: '>=', annualTarget: 95, weight: 20, unitOfMeasure: '%' },
  { name: '就业率', level1: 'benefit', level2: 'social', direction: '>=', annualTarget: 80, weight: 30, unitOfMeasure: '%' },
  { name: '学员满意度', level1: 'satisfaction', level2: 'service-recipients', direction: '>=', annualTarget: 90, weight: 20, unitOfMeasure: '%' },
];

let app: INestApplication;
let db: DataSource;

async function call(actor: Actor, method: 'get' | 'post', path: string, body?: object) {
  const token = await issuer.sign(actor, 'evaluation');
  const req = request(app.getHttpServer())[method](path).set('authorization', `Bearer ${token}`);
  return body ? req.send(body) : req;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [AppModule] }).compile();
  app = ref.createNestApplication({ logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  db = app.get(DataSource);
  // Monitoring's facts first: the consumer must not depend on the order across topics.
  await publish(monitoredYear({ projectId: P, unitId: U1, fiscalYear: year, budgetFen: 100_000_000, paidFen: 92_000_000, actuals: { 培训人次: 900, 培训合格率: 96, 就业率: 70 } }));
  await publish(approvedProject({ projectId: P, unitId: U1, fiscalYear: year, amountYuan: 1_000_000, name: `职业技能培训-${run}`, indicators }));
  await publish(approvedProject({ projectId: P2, unitId: U1, fiscalYear: year, amountYuan: 200_000, name: `创业培训-${run}`, indicators }));
  await publish(monitoredYear({ projectId: P2, unitId: U1, fiscalYear: year, budgetFen: 20_000_000, paidFen: 20_000_000, actuals: { 培训人次: 900, 培训合格率: 96, 就业率: 70 } }));
  await until('the facts', async () => {
    const [row] = await db.query(`select count(*)::int as n from evaluation.indicator_actual_fact where "projectId" = $1`, [P]);
    const [goal] = await db.query(`select count(*)::int as n from evaluation.project_facts where "projectId" = any($1) and "goalStatus" = 'approved'`, [[P, P2]]);
    const [other] = await db.query(`select count(*)::int as n from evaluation.indicator_actual_fact where "projectId" = $1`, [P2]);
    return row.n === 3 && other.n === 3 && goal.n === 2;
  });
});

afterAll(async () => {
  await app?.close();
});

describe('self-evaluation (单位自评)', () => {
  it('opens prefilled for every approved project of the year, once', async () => {
    expect((await call(actors.unit, 'post', `/internal/self-evaluations/years/${year}/opening`)).status).toBe(403);
    // A year beyond PostgreSQL's int was a 500 (found by Schemathesis): now a 422 in Chinese.
    const absurd = await call(actors.admin, 'post', '/internal/self-evaluations/years/67112404528412380/opening');
    expect({ status: absurd.status, code: absurd.body.code }).toEqual({ status: 422, code: 'FISCAL_YEAR_INVALID' });
    // beyond 2^53 the platform's input guard answers first (400); within it, the service's rule (422)
    expect((await call(actors.admin, 'get', '/internal/key-evaluations/candidates?fiscalYear=67112404528412380')).status).toBe(400);
    expect((await call(actors.admin, 'get', '/internal/key-evaluations/candidates?fiscalYear=3000000000')).status).toBe(422);
    const first = await call(actors.admin, 'post', `/internal/self-evaluations/years/${year}/opening`);
    expect(first.status).toBe(200);
    expect(first.body.opened).toBeGreaterThanOrEqual(2); // this run's two, and any earlier run's left in the year
    expect((await call(actors.unit, 'get', `/internal/self-evaluations/${P2}`)).body.status).toBe('open');
    const again = await call(actors.admin, 'post', `/internal/self-evaluations/years/${year}/opening`);
    expect(again.body).toMatchObject({ projects: first.body.projects, opened: 0, alreadyOpen: first.body.projects });

    const form = await call(actors.unit, 'get', `/internal/self-evaluations/${P}`);
    expect(form.status).toBe(200);
    expect(form.body.prefilled).toMatchObject({ budgetFen: 100_000_000, executedFen: 92_000_000 });
    const trainees = form.body.prefilled.indicators.find((i: { name: string }) => i.name === '培训人次');
    expect(trainees).toMatchObject({ target: 1000, monitoredActual: 900, weight: 30 });
    expect(trainees.evidence.map((e: { stream: string }) => e.stream)).toEqual([`goal-${P}`, `goal-${P}`, `monitoringReport-${P}-${year}-12`]);
    expect(form.body.prefilled.indicators.find((i: { name: string }) => i.name === '学员满意度').monitoredActual).toBeUndefined();
  });

  it('keeps another unit out, as if the record did not exist', async () => {
    const res = await call(actors.otherUnit, 'get', `/internal/self-evaluations/${P}`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toBe('未找到该项目的单位自评');
  });

  it('refuses a correction without a reason (422, Chinese detail, the field named)', async () => {
    const res = await call(actors.unit, 'post', `/internal/self-evaluations/${P}/form`, {
      actuals: [{ name: '培训人次', kind: 'corrected', actual: 950, reason: ' ' }],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CORRECTION_REASON_REQUIRED', detail: '更正指标“培训人次”的实际值须说明理由' });
    expect(res.body.errors[0].field).toBe('actuals[0].reason');
  });

  it('is filled, submitted with its flags, scored with evidence, and accepted', async () => {
    const filled = await call(actors.unit, 'post', `/internal/self-evaluations/${P}/form`, {
      actuals: [
        { name: '培训人次', kind: 'corrected', actual: 950, reason: '12月补录线下培训50人次' },
        { name: '培训合格率', kind: 'confirmed' },
        { name: '就业率', kind: 'confirmed' },
        { name: '学员满意度', kind: 'corrected', actual: 93, reason: '年末问卷结果' },
      ],
      reasons: [
        { indicatorName: '培训人次', nature: 'objective', text: '疫情影响停课一个月' },
        { indicatorName: '就业率', nature: 'subjective', text: '就业跟踪服务不到位' },
      ],
    });
    expect(filled.status).toBe(200);
    const submitted = await call(actors.unit, 'post', `/internal/self-evaluations/${P}/submission`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    // 93 against an unmonitored figure is no drift; 950 against 900 is within 10 %.
    expect(submitted.body.flags).toEqual([]);
    expect((await call(actors.unit, 'post', `/internal/self-evaluations/${P}/submission`)).status).toBe(409);

    const score = await call(actors.reviewer, 'get', `/internal/self-evaluations/${P}/score`);
    expect(score.status).toBe(200);
    // 9.2 + 50×(30×0.95+20)/50 … computed exactly by the domain; here: the parts and their evidence.
    expect(score.body.execution).toMatchObject({ points: 9.2, maxPoints: 10 });
    const trainees = score.body.indicators.find((i: { name: string }) => i.name === '培训人次');
    expect(trainees).toMatchObject({ target: 1000, actual: 950, direction: '>=', weight: 30, points: 28.5, shortfall: true });
    expect(trainees.evidence.map((e: { stream: string }) => e.stream)).toContain(`selfEvaluation-${P}`);
    expect(trainees.evidence.every((e: { hash: string }) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(score.body.execution.evidence.map((e: { stream: string }) => e.stream)).toEqual([`goal-${P}`, `projectExecution-${P}`]);

    expect((await call(actors.unit, 'post', `/internal/self-evaluations/${P}/review`, { decision: 'accept' })).status).toBe(403);
    const accepted = await call(actors.reviewer, 'post', `/internal/self-evaluations/${P}/review`, { decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const grade = await call(actors.auditor, 'get', `/internal/self-evaluations/${P}/grade`);
    expect(grade.body).toMatchObject({ basis: 'accepted', total: accepted.body.total, grade: accepted.body.grade });
    expect(grade.body.gradeRule).toContain(String(accepted.body.total));
  });

  it('flags a figure drifting from the monitoring data and only objective reasons, on the task and in the region-wide list', async () => {
    await call(actors.unit, 'post', `/internal/self-evaluations/${P2}/form`, {
      actuals: [
        { name: '培训人次', kind: 'corrected', actual: 700, reason: '按实际到课人数统计' },
        { name: '培训合格率', kind: 'confirmed' },
        { name: '就业率', kind: 'confirmed' },
        { name: '学员满意度', kind: 'corrected', actual: 95, reason: '问卷' },
      ],
      reasons: [
        { indicatorName: '培训人次', nature: 'objective', text: '生源不足' },
        { indicatorName: '就业率', nature: 'objective', text: '经济下行' },
      ],
    });
    const submitted = await call(actors.unit, 'post', `/internal/self-evaluations/${P2}/submission`);
    expect(submitted.body.flags.map((f: { code: string }) => f.code)).toEqual(['ACTUAL_DIFFERS_FROM_MONITORING', 'ONLY_OBJECTIVE_REASONS']);
    expect(submitted.body.flags[0]).toMatchObject({ monitored: 900, declared: 700 });
    const task = await call(actors.reviewer, 'get', `/internal/self-evaluations/${P2}`);
    expect(task.body.flags).toHaveLength(2);
    const flagged = await until('the flagged list', async () => {
      const res = await call(actors.reviewer, 'get', `/internal/evaluation-reports/flagged-self-evaluations?fiscalYear=${year}`);
      return res.body.items.some((i: { projectId: string }) => i.projectId === P2) ? res : undefined;
    });
    expect(flagged.body.items.filter((i: { unitId: string }) => i.unitId === U1)).toEqual([expect.objectContaining({ projectId: P2, unitId: U1 })]);
    expect((await call(actors.otherUnit, 'get', `/internal/evaluation-reports/flagged-self-evaluations?fiscalYear=${year}`)).body.items).toEqual([]);
    // returned with comments, it opens again for the unit
    const returned = await call(actors.reviewer, 'post', `/internal/self-evaluations/${P2}/review`, { decision: 'return', comments: '请分析主观原因' });
    expect(returned.body.status).toBe('open');
  });

  it('counts coverage by unit and year: 全覆盖 only when every approved project is self-evaluated', async () => {
    const coverage = await until('coverage', async () => {
      const res = await call(actors.reviewer, 'get', `/internal/evaluation-reports/self-evaluation-coverage?fiscalYear=${year}&unitId=${U1}`);
      return res.body.units?.[0]?.accepted === 1 && res.body.evaluated === 1 ? res : undefined;
    });
    // P2 was returned: one of two evaluated, not yet 全覆盖.
    expect(coverage.body).toMatchObject({ projects: 2, evaluated: 1, coveragePercent: 50, fullCoverage: false });
    const grades = await call(actors.reviewer, 'get', `/internal/evaluation-reports/grade-distribution?fiscalYear=${year}&unitId=${U1}`);
    expect(grades.body.selfEvaluations.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(1);
  });
});

describe('key evaluation (重点评价)', () => {
  let linked: string;
  let agency: string;
  let expert: string;

  it('admits agencies and experts, refusing one with a major violation within 3 years', async () => {
    const refused = await call(actors.admin, 'post', '/internal/third-parties', {
      kind: 'agency', name: '某会计师事务所', violations: [{ date: `${new Date().getFullYear() - 1}-03-01`, major: true, description: '出具虚假报告' }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('MAJOR_VIOLATION');
    linked = (await call(actors.admin, 'post', '/internal/third-parties', { kind: 'agency', name: `关联评估公司-${run}`, qualifications: ['资产评估'], fields: ['教育'] })).body.id;
    agency = (await call(actors.admin, 'post', '/internal/third-parties', { kind: 'agency', name: `独立评价中心-${run}`, qualifications: ['绩效评价'], fields: ['就业'] })).body.id;
    expert = (await call(actors.admin, 'post', '/internal/third-parties', { kind: 'expert', name: `张教授-${run}`, fields: ['职业教育'] })).body.id;
    expect((await call(actors.admin, 'post', `/internal/third-parties/${linked}/relations`, { unitId: U1, relation: '近三年为该单位提供审计服务' })).status).toBe(200);
  });

  it('selects, refuses the linked agency, assigns an independent one', async () => {
    const candidates = await call(actors.admin, 'get', `/internal/key-evaluations/candidates?fiscalYear=${year}&minAmount=500000`);
    const ids = candidates.body.items.map((i: { projectId: string }) => i.projectId);
    expect(ids).toContain(P);
    expect(ids).not.toContain(P2); // 200,000 is below the amount
    const none = await call(actors.admin, 'get', `/internal/key-evaluations/candidates?fiscalYear=${year}&minAmount=5000000`);
    expect(none.body.items.map((i: { projectId: string }) => i.projectId)).not.toContain(P);
    expect((await call(actors.admin, 'post', `/internal/key-evaluations/${P}/selection`, { reason: '资金量大、社会关注度高' })).status).toBe(201);
    const refused = await call(actors.admin, 'post', `/internal/key-evaluations/${P}/assignment`, { agencyId: linked, expertIds: [expert] });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('存在关联关系');
    const assigned = await call(actors.admin, 'post', `/internal/key-evaluations/${P}/assignment`, { agencyId: agency, expertIds: [expert] });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'in-progress', stage: 'work-plan' });
  });

  it('lets only the assigned evaluator see and carry it out, and grades it 良', async () => {
    const evaluator = { id: 'liu', role: 'evaluator', unit: agency } satisfies Actor;
    const stranger = { id: 'qian', role: 'evaluator', unit: linked } satisfies Actor;
    expect((await call(stranger, 'get', `/internal/key-evaluations/${P}`)).status).toBe(404);
    expect((await call(stranger, 'post', `/internal/key-evaluations/${P}/milestones`, { milestone: 'work-plan', summary: '方案' })).status).toBe(404);
    expect((await call(evaluator, 'get', `/internal/key-evaluations/${P}`)).status).toBe(200);
    expect((await call(evaluator, 'post', `/internal/key-evaluations/${P}/milestones`, { milestone: 'work-plan', summary: '评价工作方案已确定' })).status).toBe(200);
    expect((await call(evaluator, 'post', `/internal/key-evaluations/${P}/milestones`, { milestone: 'fieldwork', summary: '现场核查3个培训点' })).status).toBe(200);
    const tree = [
      { level1: 'decision', level2: '立项', name: '立项依据充分性', maxPoints: 10, points: 9, basis: '符合规划' },
      { level1: 'decision', level2: '资金投入', name: '预算编制科学性', maxPoints: 10, points: 8, basis: '测算依据基本充分' },
      { level1: 'process', level2: '资金管理', name: '资金使用合规性', maxPoints: 20, points: 17, basis: '个别支出凭证不全' },
      { level1: 'output', level2: '数量', name: '培训人次完成率', maxPoints: 30, points: 26, basis: '完成95%' },
      { level1: 'benefit', level2: '社会', name: '就业率', maxPoints: 30, points: 25, basis: '就业率70%' },
    ];
    const draft = await call(evaluator, 'post', `/internal/key-evaluations/${P}/draft`, { indicators: tree, findings: '就业跟踪不足', recommendations: '建立就业回访机制' });
    expect(draft.status).toBe(200);
    expect(draft.body.draft).toMatchObject({ total: 85, grade: 'good' });
    expect((await call(evaluator, 'post', `/internal/key-evaluations/${P}/review`, { decision: 'accept' })).status).toBe(403);
    expect((await call(actors.reviewer, 'post', `/internal/key-evaluations/${P}/review`, { decision: 'accept', comments: '同意' })).status).toBe(200);
    const final = await call(evaluator, 'post', `/internal/key-evaluations/${P}/final-report`);
    expect(final.body).toMatchObject({ status: 'completed', result: { total: 85, grade: 'good' } });
    const mine = await until('the evaluator list', async () => {
      const res = await call(evaluator, 'get', `/internal/key-evaluations?fiscalYear=${year}`);
      return res.body.items.length === 1 && res.body.items[0].status === 'completed' ? res : undefined; // the agency is this run's
    });
    expect(mine.body.items[0].projectId).toBe(P);
    expect((await call(stranger, 'get', `/internal/key-evaluations?fiscalYear=${year}`)).body.items).toEqual([]);
    const byStatus = await call(actors.admin, 'get', `/internal/evaluation-reports/key-evaluations-by-status?fiscalYear=${year}`);
    expect(byStatus.body.byStatus.completed.projects.map((p: { projectId: string }) => p.projectId)).toContain(P);
  });
});
