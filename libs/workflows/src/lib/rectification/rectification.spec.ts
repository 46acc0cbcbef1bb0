import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import { timeSkippingEnvironment } from '../testing/time-skipping';
import type { RectificationActivities } from './activities';
import { describeRectificationCase, RectificationCaseError, signalMeasuresAnswered, signalRectificationIssued, startRectificationCase, verifyMeasure } from './client';
import type { RectificationCaseInput, RectificationNotice } from './types';

const DAY = 24 * 60 * 60 * 1000;

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const notices: (RectificationNotice & { activity: string })[] = [];
let sentBackDueAt = '';
const activities: RectificationActivities = {
  async remindNotice(n) {
    notices.push({ ...n, activity: 'remind-notice' });
  },
  async remindAnswer(n) {
    notices.push({ ...n, activity: 'remind' });
  },
  async markRequirementOverdue(n) {
    notices.push({ ...n, activity: 'overdue' });
  },
  async escalateToFinanceAdmin(n) {
    notices.push({ ...n, activity: 'escalate' });
  },
  // The domain's own rule stands in here: a send-back needs comments.
  async recordVerification(v) {
    if (v.decision === 'send-back' && !v.comments) throw ApplicationFailure.nonRetryable('退回整改措施须填写意见', 'COMMENTS_REQUIRED');
    return v.decision === 'send-back' ? { answerDueAt: sentBackDueAt, closed: false } : { closed: false };
  },
};
const reviewer = { id: 'r1', role: 'finance-reviewer' };

let count = 0;
async function start(noticeInDays = 20): Promise<RectificationCaseInput & { now: number }> {
  const now = await env.currentTimeMs();
  const input: RectificationCaseInput = { caseId: `rc-${Date.now().toString(36)}-${++count}`, unitId: 'U01', projectId: 'P1', noticeDueAt: new Date(now + noticeInDays * DAY).toISOString(), reminderMs: 3 * DAY };
  await startRectificationCase(env.client, input);
  return { ...input, now };
}
const of = (caseId: string) => notices.filter((n) => n.caseId === caseId).map((n) => `${n.activity}${n.requirementId ? `:${n.requirementId}` : ''}`);

beforeAll(async () => {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // installed by another suite in this process
  }
  env = await timeSkippingEnvironment();
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue: ORCHESTRATOR_TASK_QUEUE, workflowsPath: require.resolve('../../workflows'), activities });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  if (worker && worker.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
}, 60_000);

jest.setTimeout(60_000);

describe('rectification case (time skipping)', () => {
  it('one requirement answered in time, one late and escalated; a send-back; closes when both are verified', async () => {
    const c = await start();
    await env.sleep(5 * DAY);
    await signalRectificationIssued(env.client, c.caseId, { requirementIds: ['R1', 'R2'], answerDueAt: new Date(c.now + 35 * DAY).toISOString() });
    await env.sleep(5 * DAY); // day 10
    await signalMeasuresAnswered(env.client, c.caseId, 'R1');
    await env.sleep(27 * DAY); // day 37: R2 was due on day 35
    expect(of(c.caseId)).toEqual(['remind:R2', 'overdue:R2', 'escalate:R2']);
    const late = await describeRectificationCase(env.client, c.caseId);
    expect(late).toMatchObject({ status: 'open', noticeLate: false, noticeReminded: false, overdueCount: 1 });
    expect(late.requirements).toMatchObject([
      { requirementId: 'R1', status: 'awaiting-verification', overdue: false, reminded: false },
      { requirementId: 'R2', status: 'awaiting-answer', overdue: true, escalated: true, reminded: true },
    ]);

    // Finance sends R1 back: a new deadline, a new reminder.
    sentBackDueAt = new Date(c.now + 60 * DAY).toISOString();
    const back = await verifyMeasure(env.client, c.caseId, { requirementId: 'R1', decision: 'send-back', comments: '措施不具体', actor: reviewer });
    expect(back.case.requirements[0]).toMatchObject({ status: 'awaiting-answer', dueAt: sentBackDueAt });
    await signalMeasuresAnswered(env.client, c.caseId, 'R2');
    await env.sleep(20 * DAY); // day 57: past R1's new reminder
    expect(of(c.caseId)).toEqual(['remind:R2', 'overdue:R2', 'escalate:R2', 'remind:R1']);
    await signalMeasuresAnswered(env.client, c.caseId, 'R1');

    const first = await verifyMeasure(env.client, c.caseId, { requirementId: 'R1', decision: 'accept', actor: reviewer });
    expect(first.closed).toBe(false);
    const last = await verifyMeasure(env.client, c.caseId, { requirementId: 'R2', decision: 'accept', actor: reviewer });
    expect(last.closed).toBe(true);
    const result = await env.client.workflow.getHandle(`rectification-${c.caseId}`).result();
    expect(result).toMatchObject({ status: 'closed', overdueCount: 1 });
    expect(of(c.caseId)).toEqual(['remind:R2', 'overdue:R2', 'escalate:R2', 'remind:R1']);
  });

  it('the notice clock reminds finance and marks a late notice', async () => {
    const c = await start(10);
    await env.sleep(8 * DAY);
    expect(of(c.caseId)).toEqual(['remind-notice']);
    await env.sleep(3 * DAY);
    expect(await describeRectificationCase(env.client, c.caseId)).toMatchObject({ status: 'awaiting-notice', noticeReminded: true, noticeLate: true });
  });

  it('the validator refuses a wrong role, an unissued case, an unknown or unanswered requirement; the domain refuses a send-back without comments', async () => {
    const c = await start();
    const refusal = (v: Parameters<typeof verifyMeasure>[2]) => verifyMeasure(env.client, c.caseId, v).catch((e: unknown) => e as RectificationCaseError);
    expect(await refusal({ requirementId: 'R1', decision: 'accept', actor: reviewer })).toMatchObject({ code: 'RECTIFICATION_NOT_OPEN', status: 409 });
    await signalRectificationIssued(env.client, c.caseId, { requirementIds: ['R1'], answerDueAt: new Date(c.now + 35 * DAY).toISOString() });
    expect(await refusal({ requirementId: 'R1', decision: 'accept', actor: { id: 'u1', role: 'unit' } })).toMatchObject({ code: 'RECTIFICATION_ROLE_FORBIDDEN', status: 403, message: '只有财政绩效审核人员可以核实整改措施' });
    expect(await refusal({ requirementId: 'R9', decision: 'accept', actor: reviewer })).toMatchObject({ code: 'REQUIREMENT_NOT_FOUND', status: 404 });
    expect(await refusal({ requirementId: 'R1', decision: 'accept', actor: reviewer })).toMatchObject({ code: 'REQUIREMENT_NOT_AWAITING_VERIFICATION', status: 409 });
    await signalMeasuresAnswered(env.client, c.caseId, 'R1');
    expect(await refusal({ requirementId: 'R1', decision: 'send-back', actor: reviewer })).toMatchObject({ code: 'COMMENTS_REQUIRED', status: 422 });
    expect((await describeRectificationCase(env.client, c.caseId)).requirements[0].status).toBe('awaiting-verification');
    expect(await describeRectificationCase(env.client, 'no-such-case').catch((e: unknown) => e)).toMatchObject({ code: 'RECTIFICATION_NOT_FOUND', status: 404 });
  });

  it('a second start of the same case keeps the running one', async () => {
    const c = await start();
    await signalRectificationIssued(env.client, c.caseId, { requirementIds: ['R1'], answerDueAt: new Date(c.now + 35 * DAY).toISOString() });
    await startRectificationCase(env.client, c);
    expect((await describeRectificationCase(env.client, c.caseId)).status).toBe('open');
  });
});
