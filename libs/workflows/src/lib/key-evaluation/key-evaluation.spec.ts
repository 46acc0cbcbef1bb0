import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import { timeSkippingEnvironment } from '../testing/time-skipping';
import type { KeyEvaluationActivities } from './activities';
import { describeKeyEvaluationSchedule, signalMilestoneReached, startKeyEvaluationSchedule } from './client';
import type { KeyEvaluationMilestone, KeyEvaluationScheduleInput, MilestoneNotice } from './types';

const DAY = 24 * 60 * 60 * 1000;

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const notices: (MilestoneNotice & { activity: string })[] = [];
const activities: KeyEvaluationActivities = {
  async remindMilestone(n) {
    notices.push({ ...n, activity: 'remind' });
  },
  async markMilestoneOverdue(n) {
    notices.push({ ...n, activity: 'overdue' });
  },
};

let count = 0;
async function start(): Promise<KeyEvaluationScheduleInput> {
  const now = await env.currentTimeMs();
  const due = (days: number) => new Date(now + days * DAY).toISOString();
  const input: KeyEvaluationScheduleInput = {
    projectId: `ke-${Date.now().toString(36)}-${++count}`,
    fiscalYear: 2026,
    agencyId: 'A01',
    dueAt: { 'work-plan': due(10), fieldwork: due(30), 'draft-report': due(45), 'finance-review': due(55), 'final-report': due(65) },
    reminderMs: 3 * DAY,
  };
  await startKeyEvaluationSchedule(env.client, input);
  return input;
}
const of = (projectId: string) => notices.filter((n) => n.projectId === projectId).map((n) => `${n.activity}:${n.milestone}`);
const reach = (projectId: string, milestone: KeyEvaluationMilestone) => signalMilestoneReached(env.client, projectId, milestone, new Date().toISOString());

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

describe('key evaluation schedule (time skipping)', () => {
  it('reminds before each due moment, marks a late milestone overdue, and ends with the final report', async () => {
    const input = await start();
    await env.sleep(8 * DAY); // past the work plan's reminder (day 7)
    expect(of(input.projectId)).toEqual(['remind:work-plan']);
    await reach(input.projectId, 'work-plan');
    await env.sleep(25 * DAY); // day 33: fieldwork was due on day 30
    expect(of(input.projectId)).toEqual(['remind:work-plan', 'remind:fieldwork', 'overdue:fieldwork']);
    const late = await describeKeyEvaluationSchedule(env.client, input.projectId);
    expect(late.current).toBe('fieldwork');
    expect(late.milestones.slice(0, 3)).toMatchObject([
      { milestone: 'work-plan', reminded: true, overdue: false },
      { milestone: 'fieldwork', reminded: true, overdue: true },
      { milestone: 'draft-report', reminded: false, overdue: false },
    ]);
    // The draft arrives with its fieldwork: both are reached at once.
    await reach(input.projectId, 'draft-report');
    await reach(input.projectId, 'finance-review');
    await reach(input.projectId, 'final-report');
    const result = await env.client.workflow.getHandle(`key-evaluation-${input.projectId}`).result();
    expect(result.current).toBeUndefined();
    expect(result.milestones.every((m: { reachedAt?: string }) => m.reachedAt !== undefined)).toBe(true);
    expect(of(input.projectId)).toEqual(['remind:work-plan', 'remind:fieldwork', 'overdue:fieldwork']);
  });

  it('a second start of the same evaluation keeps the running schedule', async () => {
    const input = await start();
    await reach(input.projectId, 'work-plan');
    await startKeyEvaluationSchedule(env.client, input);
    const schedule = await describeKeyEvaluationSchedule(env.client, input.projectId);
    expect(schedule.current).toBe('fieldwork');
  });
});
