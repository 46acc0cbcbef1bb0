import { resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import {
  advanceCyclePhase,
  annualCycleWorkflowId,
  defaultCalendar,
  describeAnnualCycle,
  extendCycleDeadline,
  ORCHESTRATOR_TASK_QUEUE,
  registerCycleSearchAttributes,
  startAnnualCycle,
  type AnnualCycleActivities,
  type StageOutcome,
} from '@bpm/workflows';
import { call, createGatewayApp, expectProblem, tokensFor, type Person } from '../testing/gateway-app';
import { StubGoalDeclaration } from '../testing/stub-goal-declaration';
import { AnnualCycles, cycleProblemOf } from './annual-cycles';

/**
 * The cycle endpoints on a real (time-skipping) Temporal and the real workflow: the gateway's
 * part is roles, validation, the verified actor and the problems; the stages are stand-ins.
 */
const testServerPath = process.env['TEMPORAL_TEST_SERVER_PATH'] ?? resolve(__dirname, '../../../..', '.local/temporal-test-server/run.sh');
const started: StageOutcome = { kind: 'started', awaitsCompletion: true };
const activities: AnnualCycleActivities = {
  recordCycleEvent: async (i) => ({ version: i.expectedVersion + 1 }),
  openDeclarationWindow: async () => started,
  issueBudgetWithApprovedGoals: async () => started,
  startMonitoringCycle: async () => ({ kind: 'not-available', reason: '未接入' }),
  openSelfEvaluations: async () => started,
  startKeyEvaluations: async () => started,
  issueResultNotices: async () => started,
  publishDisclosures: async () => started,
  proposeNextYearBudget: async () => started,
};

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let app: INestApplication;
let tokens: Record<Person, string>;
const stub = new StubGoalDeclaration();

/** The SDK gives the test server 5 s to start; on a loaded machine it sometimes needs more (a fresh server each try). */
async function timeSkippingEnvironment(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: testServerPath } } });
    } catch (err) {
      if (attempt >= attempts || !String(err).includes('did not start within')) throw err;
    }
  }
}

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // installed by another suite in this process
  }
  env = await timeSkippingEnvironment();
  await registerCycleSearchAttributes(env.connection, 'default');
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowsPath: resolve(__dirname, '../../../../libs/workflows/src/workflows.ts'),
    activities,
  });
  running = worker.run();
  // The same client functions as TemporalAnnualCycles, on the test server's client.
  const c = env.client;
  const through = async <T>(p: Promise<T>) => p.catch((e: unknown) => Promise.reject(cycleProblemOf(e)));
  const annualCycles: AnnualCycles = {
    start: async (i) => {
      await through(startAnnualCycle(c, i));
      return { workflowId: annualCycleWorkflowId(i.region, i.fiscalYear), region: i.region, fiscalYear: i.fiscalYear };
    },
    describe: async (r, y) => through(describeAnnualCycle(c, r, y, await env.currentTimeMs())),
    extend: (r, y, e) => through(extendCycleDeadline(c, r, y, e)),
    advance: (r, y, a) => through(advanceCyclePhase(c, r, y, a)),
  };
  await stub.start();
  app = await createGatewayApp({ goalDeclarationUrl: stub.url, annualCycles });
  tokens = await tokensFor();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await stub.stop();
  if (worker && worker.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
}, 60_000);

jest.setTimeout(60_000);

describe('cycles API (年度工作)', () => {
  const region = `county-${Date.now().toString(36)}`;
  let year: number;

  it('a finance admin starts a year; a second start is a 409 in Chinese', async () => {
    // A region's own calendar: declaration open now and due tomorrow, the rest as by default.
    const now = await env.currentTimeMs();
    year = new Date(now).getUTCFullYear() + 2;
    const defaults = defaultCalendar(year);
    const calendar = { ...defaults, opensAt: new Date(now + 60_000).toISOString(), deadlines: { ...defaults.deadlines, 'goal-declaration': new Date(now + 86_400_000).toISOString() } };
    const res = await call(app, tokens.admin, 'post', '/cycles', { region, fiscalYear: year, calendar });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ workflowId: `annual-cycle-${region}-${year}`, region, fiscalYear: year });
    const again = await call(app, tokens.admin, 'post', '/cycles', { region, fiscalYear: year });
    expectProblem(again, 409, 'CYCLE_ALREADY_STARTED');
    expect(again.body.detail).toBe(`${region}${year}年度工作已启动`);
  });

  it('shows the phase and what is late to an auditor', async () => {
    await env.sleep('2 days');
    const res = await call(app, tokens.auditor, 'get', `/cycles/${region}/${year}`);
    expect(res.status).toBe(200);
    // The declaration deadline has passed and its stage still waits.
    expect(res.body).toMatchObject({ region, fiscalYear: year, phase: 'goal-declaration', late: [{ phase: 'goal-declaration' }] });
  });

  it('records an extension with the token’s person and the reason; a body naming someone else is refused', async () => {
    const newDeadline = new Date((await env.currentTimeMs()) + 10 * 86_400_000).toISOString();
    const body = { phase: 'goal-declaration', newDeadline, reason: '申报系统升级' };
    const spoofed = await call(app, tokens.admin, 'post', `/cycles/${region}/${year}/deadline-extensions`, { ...body, actor: { id: 'mallory', role: 'finance-admin' } });
    expectProblem(spoofed, 400);
    const res = await call(app, tokens.admin, 'post', `/cycles/${region}/${year}/deadline-extensions`, body);
    expect(res.status).toBe(201);
    expect(res.body.late).toEqual([]);
    expect(res.body.history.at(-1)).toMatchObject({ type: 'CycleDeadlineExtended', by: 'zhao6', reason: '申报系统升级', deadline: newDeadline });
  });

  it('moves a phase on by hand; the wrong phase is a 409, a missing reason a 400', async () => {
    const wrong = await call(app, tokens.admin, 'post', `/cycles/${region}/${year}/phase-advances`, { fromPhase: 'monitoring', reason: '推进' });
    expectProblem(wrong, 409, 'CYCLE_PHASE_MISMATCH');
    expect(wrong.body.detail).toBe('当前阶段是“绩效目标申报”，不是“绩效运行监控”，请刷新后再试');
    expectProblem(await call(app, tokens.admin, 'post', `/cycles/${region}/${year}/phase-advances`, { fromPhase: 'goal-declaration' }), 400);
    const res = await call(app, tokens.admin, 'post', `/cycles/${region}/${year}/phase-advances`, { fromPhase: 'goal-declaration', reason: '申报已全部完成' });
    expect(res.status).toBe(201);
    expect(res.body.phase).toBe('goal-review');
    expect(res.body.history.find((e: { type: string }) => e.type === 'CyclePhaseAdvancedManually')).toMatchObject({ by: 'zhao6', reason: '申报已全部完成' });
  });

  it('refuses a deadline that is not later, an unknown year, a bad calendar — each as problem+json', async () => {
    const past = await call(app, tokens.admin, 'post', `/cycles/${region}/${year}/deadline-extensions`, { phase: 'goal-review', newDeadline: '2020-01-01T00:00:00Z', reason: '延期' });
    expectProblem(past, 422, 'CYCLE_DEADLINE_INVALID');
    expectProblem(await call(app, tokens.auditor, 'get', `/cycles/${region}/2099`), 404, 'CYCLE_NOT_FOUND');
    const bad = await call(app, tokens.admin, 'post', '/cycles', { region: `${region}-b`, fiscalYear: year, calendar: { opensAt: '明天', deadlines: {} } });
    expectProblem(bad, 422, 'CYCLE_CALENDAR_INVALID');
    expect(bad.body.detail).toContain('不是有效时间');
    expectProblem(await call(app, tokens.admin, 'post', `/cycles/${region}/${year}/deadline-extensions`, { phase: 'holiday', newDeadline: 'soon', reason: 'x' }), 400);
  });
});
