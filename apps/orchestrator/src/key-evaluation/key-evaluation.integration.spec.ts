import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { InternalTokenIssuer } from '@bpm/auth';
import type { Actor, RecordedEvent } from '@bpm/contracts';
import type { EventStore } from '@bpm/event-store';
import { describeKeyEvaluationSchedule, ORCHESTRATOR_TASK_QUEUE } from '@bpm/workflows';
// The real evaluation service is the activities' other end: its module is the edge of this test.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AppModule as EvaluationModule } from '../../../evaluation/src/app/app.module';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { EVENT_STORE } from '../../../evaluation/src/infrastructure/tokens';
import { createGoalReviewActivities } from '../goal-review/activities';
import { createWorkerActivities } from '../worker/activities';
import { workflowsPath } from '../worker/workflows-path';
import { createKeyEvaluationActivities } from './activities';
import { createCorrectiveCaseActivities } from '../monitoring/activities';
import { loadMonitoringConfig } from '../monitoring/monitoring.config';
import { routeEvaluationEvent } from './evaluation-events-to-workflows';

/**
 * The key-evaluation schedule end to end but for Kafka: an assignment recorded by the real evaluation
 * service starts the workflow (through the bridge's routing), durable timers (time skipped) send the
 * reminder and the overdue mark back to evaluation as events, and the milestones' events complete it.
 */
jest.setTimeout(120_000);

const testServerPath = process.env['TEMPORAL_TEST_SERVER_PATH'] ?? resolve(__dirname, '../../../..', '.local/temporal-test-server/run.sh');
const P = `ke-${randomUUID().slice(0, 8)}`;
const issuer = InternalTokenIssuer.fromEnv('gateway');

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let evaluation: INestApplication;
let store: EventStore;

async function call(actor: Actor, path: string, body: object = {}) {
  return request(evaluation.getHttpServer()).post(path).set('authorization', `Bearer ${await issuer.sign(actor, 'evaluation')}`).send(body);
}
const types = async () => (await store.readStream(`keyEvaluation-${P}`)).map((e) => e.type);
/** The activity's call lands a moment after the timer fires: wait for the event (up to 30 s, the machine is shared). */
async function recorded(type: string) {
  for (let i = 0; i < 150; i++) {
    if ((await types()).includes(type)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${type} was not recorded; the stream holds ${(await types()).join(', ')}`);
}
async function route(type: string) {
  const event = (await store.readStream(`keyEvaluation-${P}`)).filter((e) => e.type === type).at(-1) as RecordedEvent;
  await routeEvaluationEvent(event, env.client);
}

beforeAll(async () => {
  const ref = await Test.createTestingModule({ imports: [EvaluationModule] }).compile();
  evaluation = ref.createNestApplication({ logger: ['error'] });
  await evaluation.listen(0, '127.0.0.1');
  store = evaluation.get<EventStore>(EVENT_STORE);
  const url = await evaluation.getUrl();
  // The project as goal-declaration's events would have told evaluation.
  await evaluation.get(DataSource).query(
    `insert into evaluation.project_facts ("projectId","unitId",region,"fiscalYear",name,budget,"projectType","amountFen","projectEvidence","goalStatus","updatedAt")
     values ($1,'U-KE','county',2026,'校舍改造','general-public','ordinary',120000000,'{"stream":"goal-x","version":1,"hash":"h"}','approved',now())`,
    [P],
  );
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // installed by another suite in this process
  }
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: testServerPath } } });
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowsPath: workflowsPath(),
    activities: createWorkerActivities(
      'orchestrator',
      createGoalReviewActivities({ goalDeclarationUrl: 'http://127.0.0.1:9', timeoutMs: 1_000 }, InternalTokenIssuer.fromEnv('orchestrator')),
      createCorrectiveCaseActivities(loadMonitoringConfig({}), InternalTokenIssuer.fromEnv('orchestrator')),
      createKeyEvaluationActivities({ evaluationUrl: url.replace('[::1]', '127.0.0.1'), timeoutMs: 5_000 }, InternalTokenIssuer.fromEnv('orchestrator')),
    ),
  });
  running = worker.run();
}, 180_000);

afterAll(async () => {
  if (worker && worker.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
  await evaluation?.close();
}, 60_000);

describe('key-evaluation schedule (重点评价进度)', () => {
  it('starts on assignment, reminds, marks overdue, and follows the milestones reached', async () => {
    const admin = { id: 'chen', role: 'finance-admin' } as const;
    const agencyId = (await call(admin, '/internal/third-parties', { kind: 'agency', name: `评价中心-${P}` })).body.id as string;
    expect((await call(admin, `/internal/key-evaluations/${P}/selection`, { reason: '金额大' })).status).toBe(201);
    expect((await call(admin, `/internal/key-evaluations/${P}/assignment`, { agencyId, expertIds: [] })).status).toBe(200);
    await route('KeyEvaluationAssigned');
    await route('KeyEvaluationAssigned'); // a redelivery starts nothing new

    // Work plan due 15 days on, reminded 3 days before: skip past both.
    await env.sleep('13 days');
    await recorded('KeyEvaluationMilestoneReminderSent');
    await env.sleep('3 days');
    await recorded('KeyEvaluationMilestoneOverdue');
    const notices = (await store.readStream(`keyEvaluation-${P}`)).filter((e) => e.type.startsWith('KeyEvaluationMilestone') && e.type !== 'KeyEvaluationMilestoneReached');
    expect(notices.map((e) => [e.type, (e.data as { milestone: string }).milestone, e.metadata.actor.id])).toEqual([
      ['KeyEvaluationMilestoneReminderSent', 'work-plan', 'orchestrator'],
      ['KeyEvaluationMilestoneOverdue', 'work-plan', 'orchestrator'],
    ]);

    const evaluator = { id: 'liu', role: 'evaluator', unit: agencyId } as const;
    expect((await call(evaluator, `/internal/key-evaluations/${P}/milestones`, { milestone: 'work-plan', summary: '方案' })).status).toBe(200);
    await route('KeyEvaluationMilestoneReached');
    const schedule = await describeKeyEvaluationSchedule(env.client, P);
    expect(schedule.current).toBe('fieldwork');
    expect(schedule.milestones[0]).toMatchObject({ milestone: 'work-plan', reminded: true, overdue: true });
  });
});
