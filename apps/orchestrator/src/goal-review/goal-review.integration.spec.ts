import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { InternalTokenIssuer, InternalTokenVerifier } from '@bpm/auth';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { decideReview, describeReviewTask, ORCHESTRATOR_TASK_QUEUE, ReviewTaskError, startGoalReview } from '@bpm/workflows';
import { createWorkerActivities } from '../worker/activities';
import { workflowsPath } from '../worker/workflows-path';
import { createCorrectiveCaseActivities } from '../monitoring/activities';
import { loadMonitoringConfig } from '../monitoring/monitoring.config';
import { createGoalReviewActivities } from './activities';

/**
 * The worker as the orchestrator registers it (workflow bundle + HTTP activities) against a
 * stand-in goal-declaration: a refusal there reaches the reviewer as a 422 with its detail.
 */
const testServerPath =
  process.env['TEMPORAL_TEST_SERVER_PATH'] ?? resolve(__dirname, '../../../..', '.local/temporal-test-server/run.sh');
const COMMENTS_DETAIL = '退回修改须逐项填写指标审核意见';

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let goalDeclaration: Server;
const posted: { url?: string; body: Record<string, unknown>; actorId?: string }[] = [];
const verifier = InternalTokenVerifier.fromEnv('goal-declaration');

beforeAll(async () => {
  goalDeclaration = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      // As goal-declaration does: the actor is the verified token's, or the call is refused.
      const identity = await verifier.verify(String(req.headers.authorization).replace(/^Bearer /, '')).catch(() => undefined);
      if (!identity) return void res.writeHead(401, { 'content-type': 'application/problem+json' }).end('{"status":401}');
      posted.push({ url: req.url, body, actorId: identity.actor.id });
      if (req.url?.endsWith('/review-events')) return void res.writeHead(204).end();
      if (body['decision'] === 'return' && !(body['indicatorComments'] as unknown[] | undefined)?.length) {
        res.writeHead(422, { 'content-type': 'application/problem+json' });
        return void res.end(JSON.stringify({ type: 'about:blank', title: '请求无法处理', status: 422, detail: COMMENTS_DETAIL, code: 'INDICATOR_COMMENTS_REQUIRED' }));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'approved', version: 5 }));
    });
  });
  await new Promise<void>((r) => goalDeclaration.listen(0, '127.0.0.1', r));
  const goalDeclarationUrl = `http://127.0.0.1:${(goalDeclaration.address() as AddressInfo).port}`;

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
      createGoalReviewActivities({ goalDeclarationUrl, timeoutMs: 2_000 }, InternalTokenIssuer.fromEnv('orchestrator')),
      createCorrectiveCaseActivities(loadMonitoringConfig({}), InternalTokenIssuer.fromEnv('orchestrator')),
    ),
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  if (worker && worker.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
  await new Promise((r) => goalDeclaration?.close(r));
}, 60_000);

describe('goal review through the orchestrator worker', () => {
  it('a refusal by goal-declaration keeps the task open; the corrected decision closes it; the overdue notice is posted', async () => {
    const projectId = `p-int-${Date.now().toString(36)}`;
    const handle = await startGoalReview(env.client, {
      projectId,
      unitId: 'unit-water',
      fiscalYear: 2026,
      reviewRound: 1,
      submittedVersion: 4,
      reviewDeadlineDays: 10,
      reminderDaysBefore: 2,
    });
    const actor = { id: 'u-wang', role: 'finance-reviewer' as const };

    const refused = await decideReview(env.client, projectId, 1, {
      decision: 'return',
      rating: 'fair',
      comments: '请修改',
      actor,
      correlationId: 'c-1',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ReviewTaskError);
    expect(refused).toMatchObject({ code: 'INDICATOR_COMMENTS_REQUIRED', status: 422, message: COMMENTS_DETAIL });
    expect((await describeReviewTask(env.client, projectId, 1)).status).toBe('open');

    await env.sleep('11 days');
    for (let i = 0; i < 200 && !posted.some((p) => p.body['kind'] === 'overdue'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(posted.filter((p) => p.url === `/internal/goals/${projectId}/review-events`).map((p) => p.body['kind'])).toEqual([
      'reminder',
      'overdue',
    ]);

    const approved = await decideReview(env.client, projectId, 1, {
      decision: 'approve',
      rating: 'excellent',
      score: 91,
      actor,
      correlationId: 'c-2',
    });
    expect(approved).toMatchObject({ goalStatus: 'approved', goalVersion: 5, task: { status: 'closed', overdue: true } });
    expect(posted.filter((p) => p.url?.endsWith('/review-decision')).at(-1)?.body).toMatchObject({ decision: 'approve', score: 91 });
    expect(await handle.result()).toMatchObject({ status: 'closed', outcome: { rating: 'excellent', goalVersion: 5 } });
    // Both decisions reached goal-declaration as the reviewer of the Update, the timers as the orchestrator.
    const mine = posted.filter((p) => p.url?.startsWith(`/internal/goals/${projectId}/`));
    expect(mine.map((p) => [p.url?.split('/').pop(), p.actorId])).toEqual([
      ['review-decision', 'u-wang'],
      ['review-events', 'orchestrator'],
      ['review-events', 'orchestrator'],
      ['review-decision', 'u-wang'],
    ]);
  }, 30_000); // a worker, a test server and eleven skipped days: 5 s is too tight on a loaded machine
});
