import { resolve } from 'node:path';
import { Context } from '@temporalio/activity';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import type { GoalReviewActivities, RecordReviewDecisionInput, RecordReviewDecisionResult } from './activities';
import { decideReview, describeReviewTask, ReviewTaskError, signalResubmitted, startGoalReview } from './client';
import { decideUpdate } from './definitions';
import type { GoalReviewInput, ReviewDecision, ReviewTask } from './types';

const DAY = 24 * 60 * 60 * 1000;
const testServerPath =
  process.env['TEMPORAL_TEST_SERVER_PATH'] ?? resolve(__dirname, '../../../../..', '.local/temporal-test-server/run.sh');

type Call = { activity: keyof GoalReviewActivities; projectId: string; input: unknown; scheduledAt: number };

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const calls: Call[] = [];
/** What goal-declaration answers to a decision, per project (default: recorded). */
const decisionAnswers = new Map<string, (input: RecordReviewDecisionInput) => RecordReviewDecisionResult>();

const record = (activity: Call['activity'], projectId: string, input: unknown) =>
  calls.push({ activity, projectId, input, scheduledAt: Context.current().info.currentAttemptScheduledTimestampMs });

const activities: GoalReviewActivities = {
  async recordReviewDecision(input) {
    record('recordReviewDecision', input.projectId, input);
    const answer = decisionAnswers.get(input.projectId);
    if (answer) return answer(input);
    return { status: { approve: 'approved', return: 'returned', reject: 'rejected' }[input.decision], version: 7 };
  },
  async sendReviewReminder(input) {
    record('sendReviewReminder', input.projectId, input);
  },
  async markReviewOverdue(input) {
    record('markReviewOverdue', input.projectId, input);
  },
};

const callsOf = (projectId: string, activity?: Call['activity']) =>
  calls.filter((c) => c.projectId === projectId && (!activity || c.activity === activity));

let projects = 0;
const input = (overrides: Partial<GoalReviewInput> = {}): GoalReviewInput => ({
  projectId: `p-${Date.now().toString(36)}-${++projects}`,
  unitId: 'unit-edu',
  fiscalYear: 2026,
  reviewRound: 1,
  submittedVersion: 3,
  reviewDeadlineDays: 15,
  reminderDaysBefore: 3,
  ...overrides,
});

const reviewer = { id: 'u-zhang', role: 'finance-reviewer' as const };
const approveGood: ReviewDecision = { decision: 'approve', rating: 'good', comments: '同意', actor: reviewer, correlationId: 'c-1' };
const returnFair: ReviewDecision = {
  decision: 'return',
  rating: 'fair',
  indicatorComments: [{ indicatorName: '培训人次', comment: '指标值偏低，请按上年实际调整' }],
  actor: reviewer,
  correlationId: 'c-2',
};

async function open(overrides: Partial<GoalReviewInput> = {}) {
  const i = input(overrides);
  const handle = await startGoalReview(env.client, i);
  const task = await describeReviewTask(env.client, i.projectId, i.reviewRound);
  return { i, handle, task, startedAt: Date.parse(task.dueAt) - i.reviewDeadlineDays * DAY };
}

async function refusal(promise: Promise<unknown>): Promise<ReviewTaskError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ReviewTaskError);
  return err as ReviewTaskError;
}

/** Activities finish on the worker a moment after the skipped time; wait for them in real time. */
async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // installed by another suite in this process
  }
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerPath } },
  });
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowsPath: require.resolve('../../workflows'),
    activities,
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  if (worker && worker.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
}, 60_000);

jest.setTimeout(60_000);

describe('goal review workflow', () => {
  it('approving as 良 records the decision and closes the review', async () => {
    const { i, handle, task } = await open();
    expect(task).toMatchObject({ status: 'open', submittedVersion: 3, overdue: false, reminderSent: false, unitId: 'unit-edu' });

    const result = await decideReview(env.client, i.projectId, 1, approveGood);

    expect(result).toMatchObject({ goalStatus: 'approved', goalVersion: 7, task: { status: 'closed' } });
    expect(callsOf(i.projectId, 'recordReviewDecision').map((c) => c.input)).toEqual([
      { projectId: i.projectId, decision: 'approve', rating: 'good', comments: '同意', actor: reviewer, correlationId: 'c-1' },
    ]);
    const final = await handle.result();
    expect(final).toMatchObject({
      status: 'closed',
      outcome: { decision: 'approve', rating: 'good', decidedBy: 'u-zhang', goalStatus: 'approved', goalVersion: 7 },
    });
  });

  it('a return waits for the resubmission, whose review is then approved', async () => {
    const { i, handle } = await open();

    const returned = await decideReview(env.client, i.projectId, 1, returnFair);
    expect(returned.task).toMatchObject({ status: 'awaiting-revision', outcome: { decision: 'return', rating: 'fair' } });
    const refused = await refusal(decideReview(env.client, i.projectId, 1, approveGood));
    expect(refused).toMatchObject({ code: 'REVIEW_AWAITING_REVISION', status: 409 });

    await env.sleep('2 days');
    await signalResubmitted(env.client, i.projectId, 1, 8);
    const reopened = await describeReviewTask(env.client, i.projectId, 1);
    expect(reopened).toMatchObject({ status: 'open', submittedVersion: 8, overdue: false });
    expect(Date.parse(reopened.dueAt)).toBeGreaterThanOrEqual(Date.parse(returned.task.dueAt) + 2 * DAY);

    const approved = await decideReview(env.client, i.projectId, 1, { ...approveGood, rating: 'excellent', expectedVersion: 8 });
    expect(approved.task).toMatchObject({ status: 'closed', outcome: { decision: 'approve', rating: 'excellent' } });
    expect(await handle.result()).toMatchObject({ status: 'closed', submittedVersion: 8 });
    expect(callsOf(i.projectId, 'recordReviewDecision').map((c) => (c.input as RecordReviewDecisionInput).decision)).toEqual([
      'return',
      'approve',
    ]);
  });

  it('a stale or duplicate resubmission is ignored', async () => {
    const { i } = await open();
    await signalResubmitted(env.client, i.projectId, 1, 9); // still open: nothing to resubmit
    expect(await describeReviewTask(env.client, i.projectId, 1)).toMatchObject({ status: 'open', submittedVersion: 3 });
    await decideReview(env.client, i.projectId, 1, returnFair);
    await signalResubmitted(env.client, i.projectId, 1, 3); // not newer than the version under review
    expect(await describeReviewTask(env.client, i.projectId, 1)).toMatchObject({ status: 'awaiting-revision' });
  });

  it.each([
    ['a unit user', { ...approveGood, actor: { id: 'u-li', role: 'unit' as const, unit: 'unit-edu' } }, 'REVIEW_ROLE_FORBIDDEN', 403, '只有财政审核人员可以作出审核决定'],
    ['a stale version', { ...approveGood, expectedVersion: 2 }, 'REVIEW_VERSION_STALE', 409, '审核的绩效目标版本（第2版）已不是最新提交的版本（第3版）'],
  ])('refuses %s before accepting it: state unchanged, goal-declaration never called', async (_, decision, code, status, message) => {
    const { i, handle, task } = await open();

    const err = await refusal(decideReview(env.client, i.projectId, 1, decision));

    expect(err).toMatchObject({ code, status, message });
    expect(await describeReviewTask(env.client, i.projectId, 1)).toEqual(task);
    expect(callsOf(i.projectId)).toEqual([]);
    const history = await handle.fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
  });

  it('the raw update fails with the validator’s Chinese message', async () => {
    const { handle } = await open();
    const err = await handle
      .executeUpdate(decideUpdate, { args: [{ ...approveGood, actor: { id: 'u-zhao', role: 'finance-admin' } }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((err as WorkflowUpdateFailedError).cause).toMatchObject({
      message: '只有财政审核人员可以作出审核决定',
      type: 'REVIEW_ROLE_FORBIDDEN',
    });
  });

  it('refuses a decision on a closed review', async () => {
    const { i, handle } = await open();
    await decideReview(env.client, i.projectId, 1, { ...approveGood, decision: 'reject', rating: 'poor', comments: '立项依据不足' });
    await handle.result();

    const err = await refusal(decideReview(env.client, i.projectId, 1, approveGood));

    expect(err).toMatchObject({ code: 'REVIEW_TASK_CLOSED', status: 409, message: '该审核任务已关闭' });
    expect(callsOf(i.projectId, 'recordReviewDecision')).toHaveLength(1);
  });

  it('starting a review again neither duplicates a running one nor reopens a closed one', async () => {
    const { i, handle } = await open();
    const firstRun = (await handle.describe()).runId;
    const again = await startGoalReview(env.client, i);
    expect(again.workflowId).toBe(handle.workflowId);
    expect((await again.describe()).runId).toBe(firstRun);

    await decideReview(env.client, i.projectId, 1, approveGood);
    await handle.result();
    const late = await startGoalReview(env.client, i);
    const described = await late.describe();
    expect(described.runId).toBe(firstRun);
    expect(described.status.name).toBe('COMPLETED');
  });

  it('an unknown review is 404', async () => {
    const err = await refusal(describeReviewTask(env.client, 'no-such-project', 1));
    expect(err).toMatchObject({ code: 'REVIEW_TASK_NOT_FOUND', status: 404 });
  });

  it('a refusal by goal-declaration fails the update and leaves the task open', async () => {
    const { i, task } = await open();
    const detail = '项目“城区义务教育营养餐”须开展事前绩效评估，未经评估不得审核通过';
    decisionAnswers.set(i.projectId, () => {
      throw ApplicationFailure.create({ message: detail, type: 'EX_ANTE_ASSESSMENT_REQUIRED', nonRetryable: true, details: [{ status: 422 }] });
    });

    const err = await refusal(decideReview(env.client, i.projectId, 1, approveGood));

    expect(err).toMatchObject({ code: 'EX_ANTE_ASSESSMENT_REQUIRED', status: 422, message: detail });
    expect(await describeReviewTask(env.client, i.projectId, 1)).toEqual(task);
    expect(callsOf(i.projectId, 'recordReviewDecision')).toHaveLength(1); // non-retryable: one attempt

    decisionAnswers.delete(i.projectId);
    const retried = await decideReview(env.client, i.projectId, 1, approveGood);
    expect(retried.task.status).toBe('closed');
  });

  it('a return without per-indicator comments reaches goal-declaration, whose 422 comes back as is; the task stays open', async () => {
    const { i, task } = await open();
    const detail = '退回修改须逐项填写指标审核意见';
    decisionAnswers.set(i.projectId, (d) => {
      if (!d.indicatorComments?.length) {
        throw ApplicationFailure.create({ message: detail, type: 'INDICATOR_COMMENTS_REQUIRED', nonRetryable: true, details: [{ status: 422 }] });
      }
      return { status: 'returned', version: 8 };
    });

    const err = await refusal(decideReview(env.client, i.projectId, 1, { ...returnFair, indicatorComments: [], comments: '请修改' }));

    expect(err).toMatchObject({ code: 'INDICATOR_COMMENTS_REQUIRED', status: 422, message: detail });
    expect(await describeReviewTask(env.client, i.projectId, 1)).toEqual(task);
    const returned = await decideReview(env.client, i.projectId, 1, returnFair);
    expect(returned.task.status).toBe('awaiting-revision');
    decisionAnswers.delete(i.projectId);
  });

  it('passes the score to goal-declaration untouched: the region\'s grade bands are its rule', async () => {
    const { i } = await open();
    await decideReview(env.client, i.projectId, 1, { ...approveGood, score: 85 });
    expect(callsOf(i.projectId, 'recordReviewDecision')[0]?.input).toMatchObject({ score: 85, rating: 'good' });
  });
});

describe('goal review deadline', () => {
  it('reminds the reviewer once at deadline − reminder days and marks the review overdue at the deadline', async () => {
    const { i, task, startedAt } = await open({ reviewDeadlineDays: 15, reminderDaysBefore: 3 });
    const notice = { projectId: i.projectId, reviewRound: 1, dueAt: task.dueAt };

    await env.sleep('11 days');
    expect(callsOf(i.projectId)).toEqual([]);

    await env.sleep('25 hours');
    await eventually(() => expect(callsOf(i.projectId, 'sendReviewReminder')).toHaveLength(1));
    const [reminder] = callsOf(i.projectId, 'sendReviewReminder');
    expect(reminder.input).toEqual(notice);
    expect(reminder.scheduledAt - startedAt).toBeGreaterThanOrEqual(12 * DAY);
    expect(reminder.scheduledAt - startedAt).toBeLessThan(12 * DAY + 1000 * 60);
    expect(await describeReviewTask(env.client, i.projectId, 1)).toMatchObject({ reminderSent: true, overdue: false });

    await env.sleep('3 days');
    await eventually(() => expect(callsOf(i.projectId, 'markReviewOverdue')).toHaveLength(1));
    const [overdue] = callsOf(i.projectId, 'markReviewOverdue');
    expect(overdue.input).toEqual(notice);
    expect(overdue.scheduledAt - startedAt).toBeGreaterThanOrEqual(15 * DAY);
    expect(await describeReviewTask(env.client, i.projectId, 1)).toMatchObject({ status: 'open', overdue: true });

    await env.sleep('30 days');
    expect(callsOf(i.projectId, 'sendReviewReminder')).toHaveLength(1);
    expect(callsOf(i.projectId, 'markReviewOverdue')).toHaveLength(1);
    const late = await decideReview(env.client, i.projectId, 1, approveGood);
    expect(late.task).toMatchObject({ status: 'closed', overdue: true });
  });

  it('a return stops the clock and a resubmission starts a new review period', async () => {
    const { i, task } = await open({ reviewDeadlineDays: 15, reminderDaysBefore: 3 });

    await env.sleep('10 days');
    await decideReview(env.client, i.projectId, 1, returnFair);
    await env.sleep('10 days'); // past the first period's reminder and due date
    expect(callsOf(i.projectId, 'sendReviewReminder')).toEqual([]);
    expect(callsOf(i.projectId, 'markReviewOverdue')).toEqual([]);

    await signalResubmitted(env.client, i.projectId, 1, 8);
    const reopened = await describeReviewTask(env.client, i.projectId, 1);
    expect(Date.parse(reopened.dueAt) - Date.parse(task.dueAt)).toBeGreaterThanOrEqual(20 * DAY);
    const resubmittedAt = Date.parse(reopened.dueAt) - 15 * DAY;

    await env.sleep('13 days');
    await eventually(() => expect(callsOf(i.projectId, 'sendReviewReminder')).toHaveLength(1));
    expect(callsOf(i.projectId, 'sendReviewReminder')[0]).toMatchObject({ input: { dueAt: reopened.dueAt } });
    expect(callsOf(i.projectId, 'sendReviewReminder')[0].scheduledAt - resubmittedAt).toBeGreaterThanOrEqual(12 * DAY);
    expect(callsOf(i.projectId, 'markReviewOverdue')).toEqual([]);
  });

  it('a review that lasts the whole year still completes', async () => {
    const { i, handle, startedAt } = await open({ reviewDeadlineDays: 20, reminderDaysBefore: 5 });

    await env.sleep('150 days');
    await eventually(() => expect(callsOf(i.projectId, 'markReviewOverdue')).toHaveLength(1));
    await decideReview(env.client, i.projectId, 1, returnFair);
    await env.sleep('120 days');
    await signalResubmitted(env.client, i.projectId, 1, 11);
    await env.sleep('90 days');
    await eventually(() => expect(callsOf(i.projectId, 'markReviewOverdue')).toHaveLength(2));

    const decided = await decideReview(env.client, i.projectId, 1, { ...approveGood, expectedVersion: 11 });
    const final: ReviewTask = await handle.result();

    expect(final).toEqual(decided.task);
    expect(final).toMatchObject({ status: 'closed', submittedVersion: 11, overdue: true, reminderSent: true });
    expect(Date.parse(final.outcome?.decidedAt ?? '') - startedAt).toBeGreaterThanOrEqual(360 * DAY);
    expect(callsOf(i.projectId, 'sendReviewReminder')).toHaveLength(2);
  });
});
