import { INestApplication } from '@nestjs/common';
import { OWN_CASE, OWN_PROJECT } from '../testing/endpoints';
import { signToken } from '../auth';
import { Method, Person, call, createGatewayApp, expectProblem, tokensFor } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';
import type { ReviewDecisions } from '../tasks/review-decisions';

const declaration = {
  overallGoal: '保障学生营养餐供应',
  indicators: [{ name: '受益学生人数', level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '人', annualTarget: 3500 }],
};

/** Records of U001, touched by the U002 user. */
const GOAL_SCOPED: { name: string; method: Method; url: string; body?: unknown }[] = [
  { name: '查看绩效目标', method: 'get', url: `/goals/${OWN_PROJECT}` },
  { name: '填报绩效目标', method: 'put', url: `/goals/${OWN_PROJECT}/declaration`, body: { declaration, libraryId: 'L2026' } },
  { name: '提交审核', method: 'post', url: `/goals/${OWN_PROJECT}/submission` },
  { name: '申请调整', method: 'post', url: `/goals/${OWN_PROJECT}/adjustment-requests`, body: { reason: '实施内容变化' } },
  { name: '申请追加资金', method: 'post', url: '/fund-notices/N01/applications', body: { projectId: OWN_PROJECT, amount: 300000, purpose: '扩大覆盖' } },
  { name: '手工录入执行数据', method: 'put', url: `/monitoring/projects/${OWN_PROJECT}/execution/2026-06`, body: { allocated: '1', paid: '0', expectedCarryOver: '0' } },
  { name: '项目监控时间线', method: 'get', url: `/monitoring/projects/${OWN_PROJECT}` },
  { name: '查看监控报告', method: 'get', url: `/monitoring/reports/${OWN_PROJECT}/2026/6` },
  { name: '填报监控报告', method: 'put', url: `/monitoring/reports/${OWN_PROJECT}/2026/6/draft`, body: { content: { indicators: [] } } },
  { name: '提交监控报告', method: 'post', url: `/monitoring/reports/${OWN_PROJECT}/2026/6/submission` },
  { name: '项目拨款状态', method: 'get', url: `/monitoring/projects/${OWN_PROJECT}/allocation` },
];

/** Corrective cases of U001, touched by the U002 user. */
const CASE_SCOPED: { name: string; method: Method; url: string; body?: unknown }[] = [
  { name: '查看纠偏事项', method: 'get', url: `/monitoring/cases/${OWN_CASE}` },
  { name: '答复纠偏事项', method: 'post', url: `/monitoring/cases/${OWN_CASE}/answer`, body: { choice: 'reallocate', reasons: '调剂' } },
];

/** Lists and statistics filtered by unit. */
const UNIT_SCOPED_LISTS: { name: string; url: string; upstream: string }[] = [
  { name: '绩效目标列表', url: '/goals?fiscalYear=2026', upstream: '/internal/goals' },
  { name: '覆盖率', url: '/coverage?fiscalYear=2026', upstream: '/internal/coverage' },
  { name: '审核待办', url: '/tasks?status=open', upstream: '/internal/review-tasks' },
  { name: '预警看板', url: '/monitoring/warning-board?fiscalYear=2026', upstream: '/internal/monitoring/warning-board' },
  { name: '单位记分卡', url: '/monitoring/scorecard?fiscalYear=2026', upstream: '/internal/monitoring/scorecard' },
  { name: '自评覆盖率', url: '/evaluation-reports/self-evaluation-coverage?fiscalYear=2026', upstream: '/internal/evaluation-reports/self-evaluation-coverage' },
  { name: '评价等级分布', url: '/evaluation-reports/grade-distribution?fiscalYear=2026', upstream: '/internal/evaluation-reports/grade-distribution' },
];

/** U001's self-evaluation, touched by the U002 user; the gateway loads it first (`GET /internal/self-evaluations/:id`). */
const SELF_EVALUATION_SCOPED: { name: string; method: Method; url: string; body?: unknown }[] = [
  { name: '查看单位自评', method: 'get', url: `/self-evaluations/${OWN_PROJECT}` },
  { name: '填报单位自评', method: 'post', url: `/self-evaluations/${OWN_PROJECT}/form`, body: { actuals: [], reasons: [] } },
  { name: '提交单位自评', method: 'post', url: `/self-evaluations/${OWN_PROJECT}/submission` },
  { name: '自评得分说明', method: 'get', url: `/self-evaluations/${OWN_PROJECT}/score` },
  { name: '自评等级说明', method: 'get', url: `/self-evaluations/${OWN_PROJECT}/grade` },
];

/** OWN_PROJECT's key evaluation, assigned to agency AG001: another agency's evaluator is refused. */
const KEY_EVALUATION_SCOPED: { name: string; method: Method; url: string; body?: unknown }[] = [
  { name: '查看重点评价', method: 'get', url: `/key-evaluations/${OWN_PROJECT}` },
  { name: '提交里程碑', method: 'post', url: `/key-evaluations/${OWN_PROJECT}/milestones`, body: { milestone: 'work-plan', summary: '工作方案' } },
  { name: '提交评价报告初稿', method: 'post', url: `/key-evaluations/${OWN_PROJECT}/draft`, body: { indicators: [{}], findings: '问题', recommendations: '建议' } },
  { name: '出具正式报告', method: 'post', url: `/key-evaluations/${OWN_PROJECT}/final-report` },
];

const project = { name: '城乡义务教育营养改善', fiscalYear: 2026, budget: 'general-public', projectType: 'ordinary', amount: 1200000, isNew: true };

describe('gateway unit isolation (预算单位只能办理本单位事项)', () => {
  const stub = new StubGoalDeclaration();
  let app: INestApplication;
  let tokens: Record<Person, string>;
  const decided: unknown[] = [];
  const decisions: ReviewDecisions = {
    decide: async (...args) => {
      decided.push(args);
      return { task: {} as never, goalStatus: 'approved', goalVersion: 4 };
    },
  };

  beforeAll(async () => {
    await stub.start();
    stub.goals.set(OWN_PROJECT, { projectId: OWN_PROJECT, unitId: 'U001', fiscalYear: 2026, status: 'draft' });
    stub.cases.set(OWN_CASE, { caseId: OWN_CASE, projectId: OWN_PROJECT, unitId: 'U001', status: 'open' });
    app = await createGatewayApp({ goalDeclarationUrl: stub.url, reviewDecisions: decisions });
    tokens = await tokensFor();
  });
  afterAll(async () => {
    await app.close();
    await stub.stop();
  });
  beforeEach(() => stub.reset());

  describe.each(GOAL_SCOPED.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    it('answers the U002 user on U001’s record exactly as on a missing one (404), forwarding nothing', async () => {
      const res = await call(app, tokens.unitU002, e.method, e.url, e.body);
      expectProblem(res, 404, 'GOAL_NOT_FOUND');
      expect(res.body.detail).toBe(`未找到项目“${OWN_PROJECT}”的绩效目标`);
      expect(stub.forwarded()).toEqual([]);

      // The same project id, unknown: the body differs in nothing but the request's own ids.
      stub.goals.delete(OWN_PROJECT);
      try {
        const missing = await call(app, tokens.unitU002, e.method, e.url, e.body);
        const shape = (b: Record<string, unknown>) => ({ ...b, correlationId: undefined, requestId: undefined });
        expect(missing.status).toBe(res.status);
        expect(shape(missing.body)).toEqual(shape(res.body));
      } finally {
        stub.goals.set(OWN_PROJECT, { projectId: OWN_PROJECT, unitId: 'U001', fiscalYear: 2026, status: 'draft' });
      }
    });

    it('lets the U001 user through, checking the goal’s unit first', async () => {
      const res = await call(app, tokens.unitU001, e.method, e.url, e.body);
      expect(res.status).toBeLessThan(300);
      expect(stub.calls[0]).toMatchObject({ method: 'GET', path: `/internal/goals/${OWN_PROJECT}` });
    });

    it('answers 404 for an unknown project', async () => {
      const url = e.url.replace(OWN_PROJECT, 'P-NONE');
      const body = e.body && JSON.parse(JSON.stringify(e.body).replace(OWN_PROJECT, 'P-NONE'));
      const res = await call(app, tokens.unitU002, e.method, url, body);
      expectProblem(res, 404, 'GOAL_NOT_FOUND');
      expect(stub.forwarded()).toEqual([]);
    });
  });

  describe.each(CASE_SCOPED.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    it('answers the U002 user as if U001’s case did not exist, forwarding nothing', async () => {
      const res = await call(app, tokens.unitU002, e.method, e.url, e.body);
      expectProblem(res, 404, 'CORRECTIVE_CASE_NOT_FOUND');
      expect(res.body.detail).toBe(`未找到纠偏事项“${OWN_CASE}”`);
      expect(stub.forwarded()).toEqual([]);
    });

    it('lets the U001 user through, checking the case’s unit first', async () => {
      const res = await call(app, tokens.unitU001, e.method, e.url, e.body);
      expect(res.status).toBeLessThan(300);
      expect(stub.calls[0]).toMatchObject({ method: 'GET', path: `/internal/monitoring/cases/${OWN_CASE}` });
    });

    it('passes the upstream 404 problem on for an unknown case', async () => {
      const res = await call(app, tokens.unitU002, e.method, e.url.replace(OWN_CASE, 'C-NONE'), e.body);
      expectProblem(res, 404, 'CORRECTIVE_CASE_NOT_FOUND');
      expect(res.body.detail).toBe('未找到纠偏事项“C-NONE”');
      expect(stub.forwarded()).toEqual([]);
    });
  });

  describe.each(SELF_EVALUATION_SCOPED.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    it('refuses the U002 user on U001’s self-evaluation with a 403 problem, forwarding nothing', async () => {
      const res = await call(app, tokens.unitU002, e.method, e.url, e.body);
      expectProblem(res, 403, 'UNIT_SCOPE_FORBIDDEN');
      expect(stub.forwarded()).toEqual([]);
    });

    it('lets the U001 user through, checking the self-evaluation’s unit first', async () => {
      const res = await call(app, tokens.unitU001, e.method, e.url, e.body);
      expect(res.status).toBeLessThan(300);
      expect(stub.calls[0]).toMatchObject({ method: 'GET', path: `/internal/self-evaluations/${OWN_PROJECT}` });
    });
  });

  describe.each(KEY_EVALUATION_SCOPED.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    it('refuses an evaluator of another agency (its token’s unit is AG002), forwarding nothing', async () => {
      const other = await signToken({ sub: 'zhou9', role: 'evaluator', unit: 'AG002' });
      const res = await call(app, other, e.method, e.url, e.body);
      expectProblem(res, 403, 'EVALUATOR_NOT_ASSIGNED');
      expect(stub.forwarded()).toEqual([]);
    });

    it('lets the assigned agency’s evaluator through, checking the assignment first', async () => {
      const res = await call(app, tokens.evaluator, e.method, e.url, e.body);
      expect(res.status).toBeLessThan(300);
      expect(stub.calls[0]).toMatchObject({ method: 'GET', path: `/internal/key-evaluations/${OWN_PROJECT}` });
    });
  });

  it('查看重点评价: refuses the U002 user on U001’s key evaluation', async () => {
    expectProblem(await call(app, tokens.unitU002, 'get', `/key-evaluations/${OWN_PROJECT}`), 403, 'UNIT_SCOPE_FORBIDDEN');
  });

  describe.each(UNIT_SCOPED_LISTS.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    it('refuses a unit user asking for another unit', async () => {
      const res = await call(app, tokens.unitU002, 'get', `${e.url}&unitId=U001`);
      expectProblem(res, 403, 'UNIT_SCOPE_FORBIDDEN');
      expect(stub.calls).toEqual([]);
    });

    it('narrows a unit user to their own unit', async () => {
      const res = await call(app, tokens.unitU002, 'get', e.url);
      expect(res.status).toBe(200);
      expect(stub.calls).toHaveLength(1);
      expect(stub.calls[0]).toMatchObject({ path: e.upstream, query: { unitId: 'U002' } });
    });

    it('lets finance staff and auditors choose any unit, or all', async () => {
      for (const who of ['reviewer', 'admin', 'auditor'] as const) {
        stub.reset();
        expect((await call(app, tokens[who], 'get', `${e.url}&unitId=U001`)).status).toBe(200);
        expect(stub.calls[0].query['unitId']).toBe('U001');
        stub.reset();
        expect((await call(app, tokens[who], 'get', e.url)).status).toBe(200);
        expect(stub.calls[0].query['unitId']).toBeUndefined();
      }
    });
  });

  describe('登记项目', () => {
    it('refuses a unit user registering a project for another unit', async () => {
      const res = await call(app, tokens.unitU002, 'post', '/projects', { project: { ...project, unitId: 'U001' } });
      expectProblem(res, 403, 'UNIT_SCOPE_FORBIDDEN');
      expect(stub.calls).toEqual([]);
    });

    it('refuses a client-chosen project id: the server makes it', async () => {
      const res = await call(app, tokens.unitU002, 'post', '/projects', { project: { ...project, projectId: 'P-MINE' } });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('project.projectId');
      expect(stub.calls).toEqual([]);
    });

    it('forces the unit to the user’s own', async () => {
      const res = await call(app, tokens.unitU002, 'post', '/projects', { project });
      expect(res.status).toBe(201);
      expect(stub.calls[0]).toMatchObject({ method: 'POST', path: '/internal/projects', body: { project: { ...project, unitId: 'U002' } } });
    });
  });

  it('keeps filters of the inbox and goal list (year, state, budget, page) when narrowing', async () => {
    await call(app, tokens.unitU002, 'get', '/tasks?status=awaiting-revision&fiscalYear=2026&page=2&pageSize=5');
    expect(stub.calls[0].query).toEqual({ status: 'awaiting-revision', fiscalYear: '2026', page: '2', pageSize: '5', unitId: 'U002' });
    stub.reset();
    await call(app, tokens.reviewer, 'get', '/goals?budget=government-fund&status=submitted');
    expect(stub.calls[0].query).toEqual({ budget: 'government-fund', status: 'submitted', page: '1', pageSize: '20' });
  });

  it('refuses unknown filter values with a Chinese 400', async () => {
    const res = await call(app, tokens.reviewer, 'get', '/tasks?status=pending');
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors[0].message).toMatch(/任务状态（status）的取值不在允许范围内/);
  });
});
