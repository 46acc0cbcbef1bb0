import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { Actor } from '@bpm/contracts';
import type { MonthlyCycleActivities } from '../monitoring/activities';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import type { AnnualCycleActivities, RecordCycleEventInput, StageInput } from './activities';
import { defaultCalendar } from './calendar';
import { advanceCyclePhase, AnnualCycleError, registerCycleSearchAttributes, describeAnnualCycle, extendCycleDeadline, signalStageCompleted, startAnnualCycle } from './client';
import { CYCLE_PHASES, type ActivePhase, type StageOutcome } from './types';

const DAY = 24 * 60 * 60 * 1000;
const testServerPath = process.env['TEMPORAL_TEST_SERVER_PATH'] ?? resolve(__dirname, '../../../../..', '.local/temporal-test-server/run.sh');
const admin: Actor = { id: 'zhao6', role: 'finance-admin' };

/** The stream as the store keeps it: the expected version enforced, a retried event id recognised. */
const streams = new Map<string, RecordCycleEventInput[]>();
const stageCalls: StageInput[] = [];
const monitoringCalls: string[] = [];
/** Per region: the stages that wait for their completion; the rest answer started or not-available. */
const awaiting = new Map<string, ActivePhase[]>();
const notBuilt: ActivePhase[] = ['self-evaluation', 'disclosure'];

const stage = async (input: StageInput): Promise<StageOutcome> => {
  stageCalls.push(input);
  if (notBuilt.includes(input.phase)) return { kind: 'not-available', reason: `${input.phase} 尚未上线` };
  return { kind: 'started', awaitsCompletion: (awaiting.get(input.region) ?? []).includes(input.phase), summary: `${input.phase} 已启动` };
};
const cycleActivities: AnnualCycleActivities = {
  async recordCycleEvent(input) {
    const key = `annualCycle-${input.region}-${input.fiscalYear}`;
    const events = streams.get(key) ?? [];
    const mine = events.findIndex((e) => e.eventId === input.eventId);
    if (mine >= 0) return { version: mine + 1 };
    if (events.length !== input.expectedVersion) throw new Error(`conflict: ${events.length} != ${input.expectedVersion}`);
    streams.set(key, [...events, input]);
    return { version: events.length + 1 };
  },
  openDeclarationWindow: stage,
  issueBudgetWithApprovedGoals: stage,
  startMonitoringCycle: stage,
  openSelfEvaluations: stage,
  startKeyEvaluations: stage,
  issueResultNotices: stage,
  publishDisclosures: stage,
  proposeNextYearBudget: stage,
};
const monthly: MonthlyCycleActivities = {
  async monthSchedule({ region, fiscalYear, month }) {
    monitoringCalls.push(`${region}:${month}`);
    const opens = Date.UTC(fiscalYear, month, 1);
    return { opensAt: new Date(opens).toISOString(), dueAt: new Date(opens + 10 * DAY).toISOString(), departmentWide: month === 6 };
  },
  listProjectsForMonth: async () => [],
  openMonthlyReports: async () => ({ opened: 0, alreadyOpen: 0 }),
  remindMonthlyReports: async () => 0,
  markMonthlyReportsOverdue: async () => 0,
};

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;

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
    workflowsPath: require.resolve('../../workflows'),
    activities: { ...cycleActivities, ...monthly },
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  if (worker && worker.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
}, 60_000);

jest.setTimeout(90_000);

let regions = 0;
async function startYear(options: { awaits?: ActivePhase[]; historyLimit?: number } = {}) {
  const region = `county-${Date.now().toString(36)}-${++regions}`;
  const fiscalYear = new Date(await env.currentTimeMs()).getUTCFullYear() + 2;
  awaiting.set(region, options.awaits ?? []);
  const handle = await startAnnualCycle(env.client, { region, fiscalYear, startedBy: admin, correlationId: `c-${region}`, ...(options.historyLimit ? { historyLimit: options.historyLimit } : {}) });
  return { region, fiscalYear, handle, calendar: defaultCalendar(fiscalYear) };
}
const sleepUntil = async (iso: string, extraMs = 0) => env.sleep(Math.max(1, Date.parse(iso) + extraMs - (await env.currentTimeMs())));

async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function refusal(promise: Promise<unknown>): Promise<AnnualCycleError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AnnualCycleError);
  return err as AnnualCycleError;
}

describe('annual cycle (年度预算绩效管理循环)', () => {
  it('runs a whole year: every phase in order on its deadline, each change recorded on the stream', async () => {
    const { region, fiscalYear, handle, calendar } = await startYear();

    const result = await handle.result();

    expect(result.phase).toBe('closed');
    const entered = result.history.filter((e) => e.type === 'CyclePhaseEntered');
    expect(entered.map((e) => e.phase)).toEqual([...CYCLE_PHASES]);
    for (const e of entered.slice(1)) {
      const previous = CYCLE_PHASES[CYCLE_PHASES.indexOf(e.phase as ActivePhase) - 1];
      // Entered when the previous phase's deadline passed, within a minute.
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(calendar.deadlines[previous]));
      expect(Date.parse(e.at)).toBeLessThan(Date.parse(calendar.deadlines[previous]) + 60_000);
      expect(e.deadline).toBe(calendar.deadlines[e.phase as ActivePhase]);
    }
    expect(result.history[0]).toMatchObject({ type: 'AnnualCycleStarted', by: 'zhao6', version: 1 });
    expect(result.history.at(-1)).toMatchObject({ type: 'AnnualCycleClosed', phase: 'closed' });
    // Stages not built yet are recorded as such; the others as started.
    expect(result.history.filter((e) => e.type === 'CycleStageNotAvailable').map((e) => e.phase)).toEqual(['self-evaluation', 'disclosure']);
    expect(result.history.filter((e) => e.type === 'CycleStageStarted').map((e) => e.phase)).toEqual([
      'goal-declaration', 'budget-issue', 'monitoring', 'key-evaluation', 'result-application', 'next-year-budget',
    ]);
    // The June department-wide node, inside monitoring.
    const node = result.history.find((e) => e.type === 'CycleMilestoneReached');
    expect(node).toMatchObject({ phase: 'monitoring', at: expect.any(String) });
    expect(Date.parse(node?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(calendar.departmentWideNodeAt));
    // The stream holds exactly the history, in order, once each.
    const stream = streams.get(`annualCycle-${region}-${fiscalYear}`) ?? [];
    expect(stream.map((e) => e.type)).toEqual(result.history.map((e) => e.type));
    expect(stream.map((e) => (e.data as { version: number }).version)).toEqual(result.history.map((_, i) => i + 1));
    // Monitoring's own monthly cycle ran as the child workflow, all twelve months.
    expect(monitoringCalls.filter((c) => c.startsWith(`${region}:`))).toHaveLength(12);
    expect(result.late).toEqual([]);
  });

  it('reports a phase late past its deadline; an extension and a manual advance are recorded with who and why', async () => {
    const { region, fiscalYear, handle, calendar } = await startYear({ awaits: ['key-evaluation'] });
    await sleepUntil(calendar.deadlines['key-evaluation'], 3 * DAY);

    const late = await eventually(async () => {
      const s = await describeAnnualCycle(env.client, region, fiscalYear, await env.currentTimeMs());
      expect(s.late).toHaveLength(1);
      return s;
    });
    expect(late).toMatchObject({ phase: 'key-evaluation', late: [{ phase: 'key-evaluation', deadline: calendar.deadlines['key-evaluation'], daysLate: 3 }] });
    expect(late.history.at(-1)).toMatchObject({ type: 'CyclePhaseOverdue', phase: 'key-evaluation' });

    // Refused: not an admin, no reason, a deadline not later, the wrong phase.
    const now = await env.currentTimeMs();
    const newDeadline = new Date(now + 20 * DAY).toISOString();
    const reviewer: Actor = { id: 'wang5', role: 'finance-reviewer' };
    expect((await refusal(extendCycleDeadline(env.client, region, fiscalYear, { phase: 'key-evaluation', newDeadline, reason: '第三方机构延期', actor: reviewer, correlationId: 'x' }))).status).toBe(403);
    expect((await refusal(extendCycleDeadline(env.client, region, fiscalYear, { phase: 'key-evaluation', newDeadline, reason: '  ', actor: admin, correlationId: 'x' }))).code).toBe('CYCLE_REASON_REQUIRED');
    expect((await refusal(extendCycleDeadline(env.client, region, fiscalYear, { phase: 'key-evaluation', newDeadline: new Date(now - DAY).toISOString(), reason: '延期', actor: admin, correlationId: 'x' }))).code).toBe('CYCLE_DEADLINE_INVALID');
    expect((await refusal(extendCycleDeadline(env.client, region, fiscalYear, { phase: 'monitoring', newDeadline, reason: '延期', actor: admin, correlationId: 'x' }))).status).toBe(409);
    expect((await refusal(advanceCyclePhase(env.client, region, fiscalYear, { fromPhase: 'self-evaluation', reason: '推进', actor: admin, correlationId: 'x' }))).code).toBe('CYCLE_PHASE_MISMATCH');

    const extended = await extendCycleDeadline(env.client, region, fiscalYear, { phase: 'key-evaluation', newDeadline, reason: '第三方机构现场评价延期', actor: admin, correlationId: 'c-ext' });
    expect(extended).toMatchObject({ phase: 'key-evaluation', deadline: newDeadline, late: [] });
    expect(extended.history.at(-1)).toMatchObject({ type: 'CycleDeadlineExtended', by: 'zhao6', reason: '第三方机构现场评价延期', deadline: newDeadline, previousDeadline: calendar.deadlines['key-evaluation'] });

    const advanced = await advanceCyclePhase(env.client, region, fiscalYear, { fromPhase: 'key-evaluation', reason: '27个重点评价项目已全部出具报告', actor: admin, correlationId: 'c-adv' });
    expect(advanced.phase).toBe('result-application');
    expect(advanced.history.find((e) => e.type === 'CyclePhaseAdvancedManually')).toMatchObject({ phase: 'key-evaluation', by: 'zhao6', reason: '27个重点评价项目已全部出具报告' });
    const stream = streams.get(`annualCycle-${region}-${fiscalYear}`) ?? [];
    expect(stream.find((e) => e.type === 'CyclePhaseAdvancedManually')).toMatchObject({ actor: admin, correlationId: 'c-adv' });

    const result = await handle.result();
    expect(result.phase).toBe('closed');
  });

  it('a stage that reports its work done ends its phase', async () => {
    const { region, fiscalYear, handle, calendar } = await startYear({ awaits: ['result-application'] });
    await sleepUntil(calendar.deadlines['key-evaluation'], DAY);
    await eventually(async () => expect((await describeAnnualCycle(env.client, region, fiscalYear)).phase).toBe('result-application'));
    await signalStageCompleted(env.client, region, fiscalYear, { phase: 'result-application', at: new Date(await env.currentTimeMs()).toISOString(), summary: '整改全部销号' });
    const result = await handle.result();
    const completed = result.history.find((e) => e.type === 'CycleStageCompleted');
    expect(completed).toMatchObject({ phase: 'result-application', detail: '整改全部销号' });
    expect(result.history.some((e) => e.type === 'CyclePhaseOverdue')).toBe(false);
  });

  it('continues as new when the history grows, carrying phase, calendar and history over', async () => {
    const { region, fiscalYear, handle, calendar } = await startYear({ historyLimit: 60 });
    const firstRun = (await handle.describe()).runId;
    const newDeadline = new Date(Date.parse(calendar.deadlines.disclosure) + 5 * DAY).toISOString();
    await sleepUntil(calendar.opensAt, DAY);
    await eventually(async () => expect((await describeAnnualCycle(env.client, region, fiscalYear)).phase).toBe('goal-declaration'));
    await extendCycleDeadline(env.client, region, fiscalYear, { phase: 'disclosure', newDeadline, reason: '决算批复推迟', actor: admin, correlationId: 'c-1' });

    const result = await handle.result();

    expect(result.runs).toBeGreaterThan(1);
    expect((await handle.describe()).runId).not.toBe(firstRun);
    expect(result.history.filter((e) => e.type === 'CyclePhaseEntered').map((e) => e.phase)).toEqual([...CYCLE_PHASES]);
    expect(result.history.map((e) => e.version)).toEqual(result.history.map((_, i) => i + 1));
    expect(result.calendar.deadlines.disclosure).toBe(newDeadline);
    expect(result.history.find((e) => e.type === 'CyclePhaseEntered' && e.phase === 'disclosure')?.deadline).toBe(newDeadline);
    expect(streams.get(`annualCycle-${region}-${fiscalYear}`)).toHaveLength(result.history.length);
  });

  it('refuses a year whose calendar does not hold, and a second start of the same year', async () => {
    const { region, fiscalYear } = await startYear();
    const again = await refusal(startAnnualCycle(env.client, { region, fiscalYear, startedBy: admin, correlationId: 'c' }));
    expect(again).toMatchObject({ status: 409, code: 'CYCLE_ALREADY_STARTED' });
    const bad = defaultCalendar(fiscalYear);
    const swapped = { ...bad, deadlines: { ...bad.deadlines, 'goal-review': bad.deadlines['goal-declaration'] } };
    const err = await refusal(startAnnualCycle(env.client, { region: `${region}-b`, fiscalYear, calendar: swapped, startedBy: admin, correlationId: 'c' }));
    expect(err).toMatchObject({ status: 422, code: 'CYCLE_CALENDAR_INVALID' });
    expect(err.message).toContain('绩效目标审核截止时间应晚于绩效目标申报截止时间');
  });
});

describe('annual cycle versioning', () => {
  it('replays a year recorded before the department-wide node milestone (patched)', async () => {
    // Recorded with v1 of the workflow (before the patch) by `handle.fetchHistory()`. Read as a
    // proto object: the SDK's JSON reader trips over two copies of protobufjs in this workspace.
    const history = temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(resolve(__dirname, 'test-fixtures/annual-cycle-v1.history.json'), 'utf8')));
    expect(history.events.length).toBeGreaterThan(100);
    await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, history, 'annual-cycle-v1')).resolves.toBeUndefined();
  });
});
