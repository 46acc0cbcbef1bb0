jest.setTimeout(120_000);

import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { infraUrls } from '@bpm/config';
import { TEMPORAL_CONNECTION, type LazyTemporalConnection } from '@bpm/service';
import { ORCHESTRATOR_TASK_QUEUE } from '@bpm/workflows';
import { signToken } from '../../gateway/src/auth/sign-token';
import { eventually, serviceModules, startPlatform, stopPlatform } from './support/platform';

/**
 * The whole platform on the real PostgreSQL, Kafka and Temporal: every service boots and is
 * ready, and the first whole path (goal declaration and review) runs through the gateway.
 */
let running: Record<string, INestApplication>;
beforeAll(async () => {
  running = await startPlatform();
}, 120_000);
afterAll(async () => {
  if (running) await stopPlatform(running);
});

describe('the platform wiring', () => {
  it.each(Object.keys(serviceModules))('%s boots and reports ready with its real dependencies up', async (name) => {
    const res = await request(running[name].getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Object.keys(res.body.details)).toContain('postgres');
    for (const dependency of Object.values(res.body.details) as { status: string }[]) expect(dependency.status).toBe('up');
  });

  it('runs a workflow on the Temporal server through the orchestrator worker', async () => {
    const connection = await running['gateway'].get<LazyTemporalConnection>(TEMPORAL_CONNECTION).get();
    const result = await new Client({ connection }).workflow.execute('wiringCheck', {
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowId: `wiring-check-${randomUUID()}`,
      args: ['smoke-test'],
    });
    expect(result).toBe('orchestrator answered smoke-test');
  });
});

describe('goal declaration and review through the gateway (绩效目标申报与审核)', () => {
  const run = randomUUID().slice(0, 8);
  const unitA = `U-A-${run}`;
  const unitB = `U-B-${run}`;
  const year = 2026;
  const tokens: Record<string, string> = {};
  const api = () => request(running['gateway'].getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  let projectId: string;
  let libraryId: string;

  beforeAll(async () => {
    tokens['unitA'] = await signToken({ sub: `zhang-${run}`, role: 'unit', unit: unitA });
    tokens['unitB'] = await signToken({ sub: `li-${run}`, role: 'unit', unit: unitB });
    tokens['unitC'] = await signToken({ sub: `zhou-${run}`, role: 'unit', unit: `U-C-${run}` });
    tokens['reviewer'] = await signToken({ sub: `wang-${run}`, role: 'finance-reviewer' });
    tokens['admin'] = await signToken({ sub: `zhao-${run}`, role: 'finance-admin' });
    tokens['auditor'] = await signToken({ sub: `sun-${run}`, role: 'auditor' });
  });

  const declaration = (areaTarget: number) => ({
    overallGoal: '完成全县义务教育学校校舍改造，改善办学条件',
    indicators: [
      { name: `改造校舍面积`, level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '平方米', annualTarget: areaTarget },
      { indicatorId: `T-${run}`, name: `资金拨付及时率-${run}`, level1: 'output', level2: 'timeliness', kind: 'common', direction: '>=', unitOfMeasure: '%', annualTarget: 95 },
      { name: '受益学生人数', level1: 'benefit', level2: 'social', kind: 'individual', direction: '>=', unitOfMeasure: '人', annualTarget: 3500 },
      { indicatorId: `S-${run}`, name: `服务对象满意度-${run}`, level1: 'satisfaction', level2: 'service-recipient', kind: 'common', direction: '>=', unitOfMeasure: '%', annualTarget: 90 },
    ],
  });

  /** A decision retried while the review workflow catches up through Kafka (not started / not reopened yet). */
  const decide = (round: number, body: object) =>
    eventually(async () => {
      const res = await api().post(`/tasks/${projectId}/rounds/${round}/decision`).set(as('reviewer')).send(body);
      if ([404, 409].includes(res.status)) throw new Error(`${res.status} ${res.body.detail}`);
      return res;
    });

  it('a finance admin keeps the indicator library (指标库) with common indicators', async () => {
    const opened = await api().post('/indicator-libraries').set(as('admin')).send({ region: 'county', fiscalYear: year, costLevelEnabled: false });
    expect([201, 409, 422]).toContain(opened.status); // opened by an earlier run of this test on the same data
    libraryId = opened.body.libraryId ?? 'county-2026';
    const category = await api().post(`/indicator-libraries/${libraryId}/categories`).set(as('admin')).send({ category: { id: `e2e-${run}`, name: `端到端测试-${run}` } });
    expect(category.status).toBe(201);
    for (const [id, name, level2] of [
      [`T-${run}`, `资金拨付及时率-${run}`, 'timeliness'],
      [`S-${run}`, `服务对象满意度-${run}`, 'service-recipient'],
    ]) {
      const res = await api()
        .post(`/indicator-libraries/${libraryId}/indicators`)
        .set(as('admin'))
        .send({ indicator: { id, categoryId: `e2e-${run}`, name, level1: level2 === 'timeliness' ? 'output' : 'satisfaction', level2, unitOfMeasure: '%', direction: '>=', explanation: '示例', dataSource: '示例', kind: 'common' } });
      expect(res.status).toBe(201);
    }
    const unitTries = await api().post(`/indicator-libraries/${libraryId}/categories`).set(as('unitA')).send({ category: { id: 'x', name: 'x' } });
    expect(unitTries.status).toBe(403);
  });

  it('a unit registers its project (the server makes its id) and declares its goal; to another unit it does not exist', async () => {
    const registered = await api()
      .post('/projects')
      .set(as('unitA'))
      .send({ project: { name: `义务教育学校校舍改造-${run}`, fiscalYear: year, budget: 'general-public', projectType: 'ordinary', amount: 1_200_000, isNew: false } });
    expect(registered.status).toBe(201);
    projectId = registered.body.projectId;
    expect(projectId).toMatch(/^[0-9a-f-]{36}$/);

    const declared = await api().put(`/goals/${projectId}/declaration`).set(as('unitA')).send({ declaration: declaration(8000), libraryId });
    expect(declared.status).toBe(200);

    const b = as('unitB');
    for (const res of [
      await api().get(`/goals/${projectId}`).set(b),
      await api().put(`/goals/${projectId}/declaration`).set(b).send({ declaration: declaration(1), libraryId }),
      await api().post(`/goals/${projectId}/submission`).set(b),
      await api().post(`/goals/${projectId}/adjustment-requests`).set(b).send({ reason: '试图调整' }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'GOAL_NOT_FOUND', detail: `未找到项目“${projectId}”的绩效目标` });
    }
    const missing = await api().get(`/goals/${randomUUID()}`).set(b);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('GOAL_NOT_FOUND');
  });

  it('a broken rule is refused with a Chinese message naming the field', async () => {
    const bad = declaration(8000);
    bad.indicators = bad.indicators.filter((i) => i.level1 !== 'satisfaction');
    const res = await api().put(`/goals/${projectId}/declaration`).set(as('unitA')).send({ declaration: bad, libraryId });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/满意度/);
  });

  it('submit → return with comments → revise and resubmit → approve as 良', async () => {
    const submitted = await api().post(`/goals/${projectId}/submission`).set(as('unitA'));
    expect(submitted.status).toBe(200);
    expect(submitted.body.reviewRound).toBe(1);

    const inbox = await eventually(async () => {
      const res = await api().get('/tasks').query({ status: 'open', unitId: unitA, fiscalYear: year }).set(as('reviewer'));
      expect(res.body.items).toHaveLength(1);
      return res;
    });
    expect(inbox.body.items[0]).toMatchObject({ projectId, reviewRound: 1, status: 'open' });

    expect((await api().post(`/tasks/${projectId}/rounds/1/decision`).set(as('unitA')).send({ decision: 'approve', rating: 'excellent' })).status).toBe(403);

    // The forged approval of issue 7, straight at goal-declaration: a unit approving its own goal
    // as 优 under an invented reviewer, with no token, forged headers and a forged body actor.
    const forged = { decision: 'approve', rating: 'excellent', comments: '同意', actor: { id: 'invented-reviewer', role: 'finance-reviewer' } };
    const direct = () => request(running['goal-declaration'].getHttpServer());
    for (const res of [
      await direct().post(`/internal/goals/${projectId}/review-decision`).send(forged),
      await direct().post(`/internal/goals/${projectId}/review-decision`).set({ 'x-actor-id': 'invented-reviewer', 'x-actor-role': 'finance-reviewer' }).send(forged),
      await direct().get('/internal/goals').query({ fiscalYear: year }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await api().post(`/tasks/${projectId}/rounds/1/decision`).set(as('unitB')).send({ decision: 'approve', rating: 'excellent' })).status).toBe(403);

    // The domain's rules, not the workflow's: its own code and Chinese detail; the task stays open.
    const inconsistent = await decide(1, { decision: 'approve', rating: 'fair' });
    expect(inconsistent.status).toBe(422);
    expect(inconsistent.body.code).toBe('RATING_INCONSISTENT');
    expect(inconsistent.body.detail).toMatch(/不一致/);
    const withoutIndicatorComments = await decide(1, { decision: 'return', rating: 'fair', comments: '请修改' });
    expect(withoutIndicatorComments.status).toBe(422);
    expect(withoutIndicatorComments.body).toMatchObject({ code: 'INDICATOR_COMMENTS_REQUIRED', detail: '退回修改须逐项填写指标审核意见' });
    const stillOpen = await api().get('/tasks').query({ status: 'open', unitId: unitA, fiscalYear: year }).set(as('reviewer'));
    expect(stillOpen.body.items).toEqual([expect.objectContaining({ projectId, status: 'open' })]);

    const returned = await decide(1, {
      decision: 'return',
      rating: 'fair',
      indicatorComments: [{ indicatorName: '改造校舍面积', comment: '目标值偏低，应与年度改造计划一致' }],
    });
    expect(returned.status).toBe(200);

    const goal = await api().get(`/goals/${projectId}`).set(as('unitA'));
    expect(goal.body.status).toBe('returned');
    expect(goal.body.lastReturnComments[0].comment).toContain('目标值偏低');

    expect((await api().put(`/goals/${projectId}/declaration`).set(as('unitA')).send({ declaration: declaration(12000), libraryId })).status).toBe(200);
    const resubmitted = await api().post(`/goals/${projectId}/submission`).set(as('unitA'));
    expect(resubmitted.body).toMatchObject({ reviewRound: 1, submission: 2 });

    const approved = await decide(1, { decision: 'approve', rating: 'good', comments: '目标明确，指标合理' });
    expect(approved.status).toBe(200);
  });

  it('two edits with the same If-Match: one 200, one 412, every time (no lost update)', async () => {
    const registered = await api()
      .post('/projects')
      .set(as('unitC'))
      .send({ project: { name: `并发修改-${run}`, fiscalYear: year, budget: 'general-public', projectType: 'ordinary', amount: 300_000, isNew: false } });
    const raceProject: string = registered.body.projectId;
    for (let race = 0; race < 5; race++) {
      const read = await api().get(`/goals/${raceProject}`).set(as('unitC'));
      const etag: string = read.headers['etag'];
      expect(etag).toBe(`"${read.body.streamVersion}"`);
      const [a, b] = await Promise.all(
        [8000 + race, 9000 + race].map((area) =>
          api().put(`/goals/${raceProject}/declaration`).set(as('unitC')).set('If-Match', etag).send({ declaration: declaration(area), libraryId }),
        ),
      );
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const loser = a.status === 412 ? a : b;
      expect(loser.body.code).toBe('VERSION_MISMATCH');
      expect((a.status === 200 ? a : b).headers['etag']).toBe(`"${Number(etag.replace(/"/g, '')) + 1}"`);
    }
  });

  it('the read model and the coverage figure (全覆盖) show it', async () => {
    await eventually(async () => {
      const res = await api().get('/goals').query({ fiscalYear: year }).set(as('unitA'));
      expect(res.body.items).toEqual([expect.objectContaining({ projectId, status: 'approved', rating: 'good' })]);
    });
    const onlyOwn = await api().get('/goals').query({ fiscalYear: year }).set(as('unitB'));
    expect(onlyOwn.body.items).toEqual([]);
    const coverage = await api().get('/coverage').query({ fiscalYear: year, unitId: unitA }).set(as('admin'));
    expect(coverage.body.total).toEqual({ projects: 1, approved: 1, ratio: 1 });
    expect(coverage.body.byBudget.find((b: { budget: string }) => b.budget === 'general-public')).toMatchObject({ projects: 1, approved: 1 });
    expect((await api().get('/coverage').query({ fiscalYear: year, unitId: unitA }).set(as('unitB'))).status).toBe(403);
  });

  it('every step is on Kafka, in order, keyed by the goal stream', async () => {
    const kafka = new Kafka({ clientId: 'e2e', brokers: infraUrls().kafkaBrokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `e2e-${run}` });
    const seen: string[] = [];
    const expected = ['ProjectRegistered', 'GoalDeclared', 'GoalSubmittedForReview', 'GoalReturned', 'GoalDeclared', 'GoalSubmittedForReview', 'GoalApproved'];
    await consumer.connect();
    await consumer.subscribe({ topic: 'bpm.goal-declaration.events.v1', fromBeginning: true });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`saw only ${seen.join(', ')}`)), 60_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            if (message.key?.toString() !== `goal-${projectId}`) return;
            seen.push(String(message.headers?.['ce_type']));
            if (seen.length >= expected.length) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toEqual(expected);
  });

  it("the auditor sees every step with actor, time and an intact hash chain, and the goal as it stood", async () => {
    const history = await api().get(`/audit/goals/${projectId}/history`).set(as('auditor'));
    expect(history.status).toBe(200);
    const events = history.body.events as { type: string; hash: string; prevHash: string | null; time: string; actor: { role: string } }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['ProjectRegistered', 'GoalReturned', 'GoalApproved']));
    events.forEach((e, i) => {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.prevHash).toBe(i === 0 ? null : events[i - 1].hash);
    });
    expect(events.find((e) => e.type === 'GoalApproved')?.actor.role).toBe('finance-reviewer');
    // The decisions are recorded as the reviewer who made them (from the orchestrator's token), the forger nowhere.
    const actorsOf = (type: string) => events.filter((e) => e.type === type).map((e) => (e.actor as { id?: string }).id);
    expect(actorsOf('GoalApproved')).toEqual([`wang-${run}`]);
    expect(actorsOf('GoalReturned')).toEqual([`wang-${run}`]);
    expect(JSON.stringify(history.body)).not.toContain('invented-reviewer');

    const verification = await api().get(`/audit/goals/${projectId}/verification`).set(as('auditor'));
    expect(verification.body.intact).toBe(true);

    // The goal as it stood: folded by goal-declaration itself (its internal state endpoint).
    const returned = events.findIndex((e) => e.type === 'GoalReturned');
    const asOf = await api().get(`/audit/goals/${projectId}/state`).query({ asOf: events[returned].time }).set(as('auditor'));
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({
      projectId,
      stream: `goal-${projectId}`,
      asOf: new Date(events[returned].time).toISOString(),
      version: returned + 1,
      lastEventTime: events[returned].time,
      status: 'returned',
      statusLabel: '已退回修改',
    });
    const beforeAll = new Date(Date.parse(events[0].time) - 60_000).toISOString();
    const beforeItExisted = await api().get(`/audit/goals/${projectId}/state`).query({ asOf: beforeAll }).set(as('auditor'));
    expect(beforeItExisted.status).toBe(404);
    expect(beforeItExisted.body).toMatchObject({ code: 'NOT_YET_RECORDED' });
    expect((await api().get(`/audit/goals/P-NONE-${run}/state`).set(as('auditor'))).status).toBe(404);

    for (const who of ['unitA', 'unitB']) {
      expect((await api().get(`/audit/goals/${projectId}/history`).set(as(who))).status).toBe(403);
    }
  });
});

describe('no assessment, no approval; no goal table, no money (事前评估与追加资金)', () => {
  const run = randomUUID().slice(0, 8);
  const unit = `U-C-${run}`;
  const tokens: Record<string, string> = {};
  const api = () => request(running['gateway'].getHttpServer());
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    tokens['unit'] = await signToken({ sub: `zhou-${run}`, role: 'unit', unit });
    tokens['reviewer'] = await signToken({ sub: `wu-${run}`, role: 'finance-reviewer' });
    tokens['admin'] = await signToken({ sub: `zheng-${run}`, role: 'finance-admin' });
    const library = await api().post('/indicator-libraries').set(as('admin')).send({ region: 'county', fiscalYear: 2026, costLevelEnabled: false });
    expect([201, 409, 422]).toContain(library.status);
  });

  const declaration = {
    overallGoal: '建成县域农村污水集中处理设施',
    indicators: [
      { name: '新建污水处理站', level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '座', annualTarget: 6 },
      { name: '污水处理率', level1: 'benefit', level2: 'ecological', kind: 'individual', direction: '>=', unitOfMeasure: '%', annualTarget: 85 },
      { name: '村民满意度', level1: 'satisfaction', level2: 'service-recipient', kind: 'individual', direction: '>=', unitOfMeasure: '%', annualTarget: 90 },
    ],
  };
  const fullMarks = ['necessity', 'input-economy', 'goal-reasonableness', 'implementation-feasibility', 'funding-compliance'].map((dimension) => ({
    dimension,
    subItems: [{ name: '综合评分', maxScore: 20, score: 17 }],
  }));

  /** The review decision, retried while the workflow catches up through Kafka. */
  const decide = (projectId: string, body: object) =>
    eventually(async () => {
      const res = await api().post(`/tasks/${projectId}/rounds/1/decision`).set(as('reviewer')).send(body);
      if ([404, 409].includes(res.status)) throw new Error(`${res.status} ${res.body.detail}`);
      return res;
    });

  it('a new major project is not approved before a passing ex-ante assessment (事前绩效评估), then is', async () => {
    const registered = await api()
      .post('/projects')
      .set(as('unit'))
      .send({ project: { name: `农村污水处理设施建设-${run}`, fiscalYear: 2026, budget: 'government-fund', projectType: 'ordinary', amount: 9_000_000, isNew: true, major: true } });
    expect(registered.status).toBe(201);
    const projectId: string = registered.body.projectId;
    expect((await api().put(`/goals/${projectId}/declaration`).set(as('unit')).send({ declaration, libraryId: 'county-2026' })).status).toBe(200);
    expect((await api().post(`/goals/${projectId}/submission`).set(as('unit'))).status).toBe(200);

    const refused = await decide(projectId, { decision: 'approve', rating: 'excellent' });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/事前绩效评估/);

    expect((await api().post('/ex-ante-assessments').set(as('reviewer')).send({ projectId })).status).toBe(201);
    const completed = await api()
      .post(`/ex-ante-assessments/${projectId}/completion`)
      .set(as('reviewer'))
      .send({ dimensions: fullMarks, opinion: '立项必要，方案可行' });
    expect(completed.status).toBe(200);

    const approved = await decide(projectId, { decision: 'approve', rating: 'excellent' });
    expect(approved.status).toBe(200);
    const goal = await api().get(`/goals/${projectId}`).set(as('unit'));
    expect(goal.body.status).toBe('approved');
  });

  it('a supplemental-fund application (追加资金) without an approved goal table is refused', async () => {
    const notice = await api()
      .post('/fund-notices')
      .set(as('admin'))
      .send({
        notice: {
          fiscalYear: 2026,
          documentNo: `示财预〔2026〕${run}号`,
          fundName: '农村人居环境整治补助资金',
          source: 'provincial',
          amount: 2_000_000,
          upperLevelGoalTable: { overallGoal: '改善农村人居环境', indicators: [{ name: '完成村庄整治数', unitOfMeasure: '个', direction: '>=', target: 20 }] },
        },
      });
    expect(notice.status).toBe(201);
    const draft = await api()
      .post('/projects')
      .set(as('unit'))
      .send({ project: { name: `村庄整治-${run}`, fiscalYear: 2026, budget: 'general-public', projectType: 'ordinary', amount: 500_000, isNew: false } });
    const refused = await api()
      .post(`/fund-notices/${notice.body.noticeId}/applications`)
      .set(as('unit'))
      .send({ projectId: draft.body.projectId, amount: 300_000, purpose: '村庄整治' });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.detail).toMatch(/绩效目标/);
  });
});
