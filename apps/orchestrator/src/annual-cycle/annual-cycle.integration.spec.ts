import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/activity';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { InternalTokenIssuer, InternalTokenVerifier } from '@bpm/auth';
import { infraUrls } from '@bpm/config';
import { PostgresEventStore } from '@bpm/event-store';
import { annualCycleStream, ORCHESTRATOR_TASK_QUEUE, registerCycleSearchAttributes, startAnnualCycle, type RecordCycleEventInput } from '@bpm/workflows';
import { createGoalReviewActivities } from '../goal-review/activities';
import { createWorkerActivities } from '../worker/activities';
import { workflowsPath } from '../worker/workflows-path';
import { createAnnualCycleActivities } from './annual-cycle.providers';
import { recordCycleEvent } from './cycle-events';
import { createCycleStages } from './stages';
import { createCorrectiveCaseActivities } from '../monitoring/activities';
import { loadMonitoringConfig } from '../monitoring/monitoring.config';

/**
 * The cycle as the orchestrator runs it: the worker's workflow bundle and activities, the
 * cycle's events in a real PostgreSQL event store, goal-declaration's coverage API stubbed.
 */
const testServerPath = process.env['TEMPORAL_TEST_SERVER_PATH'] ?? resolve(__dirname, '../../../..', '.local/temporal-test-server/run.sh');
const schema = `cycle_${randomBytes(4).toString('hex')}`;
const verifier = InternalTokenVerifier.fromEnv('goal-declaration');
let pool: Pool;
let store: PostgresEventStore;
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let goalDeclaration: Server;
const coverageCalls: string[] = [];

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
  pool = new Pool({ connectionString: infraUrls().databaseUrl, max: 4 });
  // Appends as the application role; the owner migrates (and drops), as in production.
  store = new PostgresEventStore({ pool, schema, listen: false, ownerConnectionString: infraUrls().databaseOwnerUrl });
  await store.migrate();
  goalDeclaration = createServer(async (req, res) => {
    const identity = await verifier.verify(String(req.headers.authorization).replace(/^Bearer /, '')).catch(() => undefined);
    if (!identity) return void res.writeHead(401).end();
    coverageCalls.push(String(req.url));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ fiscalYear: 2030, total: { projects: 1000, approved: 987, ratio: 0.987 } }));
  });
  await new Promise<void>((r) => goalDeclaration.listen(0, '127.0.0.1', r));
  const goalDeclarationUrl = `http://127.0.0.1:${(goalDeclaration.address() as AddressInfo).port}`;
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // installed by another suite in this process
  }
  env = await timeSkippingEnvironment();
  await registerCycleSearchAttributes(env.connection, 'default');
  const tokens = InternalTokenIssuer.fromEnv('orchestrator');
  const config = { goalDeclarationUrl, timeoutMs: 2_000 };
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowsPath: workflowsPath(),
    activities: createWorkerActivities(
      'orchestrator',
      createGoalReviewActivities(config, tokens),
      createCorrectiveCaseActivities(loadMonitoringConfig({}), tokens),
      undefined,
      createAnnualCycleActivities(store, createCycleStages({ ...config, monitoringCycleAvailable: false }, tokens)),
    ),
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  if (worker && worker.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
  await new Promise((r) => goalDeclaration?.close(r));
  await pool?.end();
  const owner = new Pool({ connectionString: infraUrls().databaseOwnerUrl, max: 1 });
  await owner.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => owner.end());
}, 60_000);

describe('annual cycle in the orchestrator', () => {
  it('runs a year: every phase change in the annualCycle stream, seams recorded as not available, coverage with the budget', async () => {
    const region = `county-${randomBytes(3).toString('hex')}`;
    const fiscalYear = 2030;
    const handle = await startAnnualCycle(env.client, { region, fiscalYear, startedBy: { id: 'zhao6', role: 'finance-admin' }, correlationId: 'c-year' });

    const result = await handle.result();

    const events = await store.readStream(annualCycleStream(region, fiscalYear));
    expect(events.map((e) => e.type)).toEqual(result.history.map((e) => e.type));
    expect(events[0]).toMatchObject({ type: 'AnnualCycleStarted', source: 'orchestrator', metadata: { actor: { id: 'zhao6', role: 'finance-admin' }, correlationId: 'c-year' } });
    expect(events.filter((e) => e.type === 'CycleStageNotAvailable').map((e) => (e.data as { phase: string }).phase)).toEqual([
      'goal-declaration', 'monitoring', 'self-evaluation', 'key-evaluation', 'result-application', 'disclosure', 'next-year-budget',
    ]);
    const budget = events.find((e) => e.type === 'CycleStageStarted');
    expect(budget?.data).toMatchObject({ phase: 'budget-issue', detail: expect.stringContaining('987/1000个项目目标已批复') });
    expect(coverageCalls).toContain('/internal/coverage?fiscalYear=2030');
    expect(await store.verify({ streams: [annualCycleStream(region, fiscalYear)] })).toMatchObject({ ok: true });
  }, 120_000);
});

describe('recordCycleEvent', () => {
  const input = (over: Partial<RecordCycleEventInput> = {}): RecordCycleEventInput => ({
    region: `r-${randomBytes(3).toString('hex')}`,
    fiscalYear: 2031,
    expectedVersion: 0,
    eventId: randomUUID(),
    type: 'AnnualCycleStarted',
    data: { phase: 'not-started' },
    actor: { id: 'zhao6', role: 'finance-admin' },
    correlationId: 'c',
    ...over,
  });

  it('a retried append finds its own event: one event, the same version', async () => {
    const first = input();
    expect(await recordCycleEvent(store, first)).toEqual({ version: 1 });
    expect(await recordCycleEvent(store, first)).toEqual({ version: 1 });
    expect(await store.readStream(annualCycleStream(first.region, 2031))).toHaveLength(1);
  });

  it('another event at a taken version is a conflict to retry, not a second write', async () => {
    const first = input();
    await recordCycleEvent(store, first);
    const err = await recordCycleEvent(store, { ...first, eventId: randomUUID() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'CYCLE_STREAM_CONFLICT', nonRetryable: false });
    expect(await store.readStream(annualCycleStream(first.region, 2031))).toHaveLength(1);
  });
});
