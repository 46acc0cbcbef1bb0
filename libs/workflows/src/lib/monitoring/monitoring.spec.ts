import { resolve } from 'node:path';
import { Context } from '@temporalio/activity';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import type { CorrectiveCaseActivities, MonthlyCycleActivities, RecordCorrectiveAnswerInput } from './activities';
import {
  answerCorrectiveCase,
  CorrectiveCaseError,
  describeCorrectiveCase,
  describeMonthlyCycle,
  signalFinanceDecided,
  startCorrectiveFollowUp,
  startMonthlyCycle,
} from './client';
import type { CorrectiveAnswer, CorrectiveFollowUpInput, MonitoredProject, MonthSchedule } from './types';

const DAY = 24 * 60 * 60 * 1000;
const testServerPath =
  process.env['TEMPORAL_TEST_SERVER_PATH'] ?? resolve(__dirname, '../../../../..', '.local/temporal-test-server/run.sh');

type Call = { activity: string; key: string; input: Record<string, unknown>; scheduledAt: number };
const calls: Call[] = [];
const record = (activity: string, key: string, input: object) =>
  calls.push({ activity, key, input: input as Record<string, unknown>, scheduledAt: Context.current().info.currentAttemptScheduledTimestampMs });
const callsOf = (key: string, activity?: string) => calls.filter((c) => c.key === key && (!activity || c.activity === activity));

/** What monitoring answers to an answer, per case (default: recorded, late when `at` is past the due date). */
const answerRefusals = new Map<string, () => never>();
const dueAts = new Map<string, string>();

const correctiveActivities: CorrectiveCaseActivities = {
  async recordCorrectiveAnswer(input: RecordCorrectiveAnswerInput) {
    record('recordCorrectiveAnswer', input.caseId, input);
    answerRefusals.get(input.caseId)?.();
    return { version: 3, late: Date.parse(input.at) > Date.parse(dueAts.get(input.caseId) ?? '') };
  },
  async sendCorrectiveReminder(input) {
    record('sendCorrectiveReminder', input.caseId, input);
  },
  async escalateCorrectiveCase(input) {
    record('escalateCorrectiveCase', input.caseId, input);
  },
};

/**
 * The monthly schedule the service would compute: month m's report opens on the 1st of
 * m + 1 at 09:00 China time, is reminded on the 8th and due at the end of the 10th.
 */
const scheduleOf = (fiscalYear: number, month: number): MonthSchedule => {
  const y = month === 12 ? fiscalYear + 1 : fiscalYear;
  const m = month === 12 ? 0 : month; // JS month index of the following month
  const at = (day: number, hour: number) => new Date(Date.UTC(y, m, day, hour - 8)).toISOString();
  return { opensAt: at(1, 9), remindAt: at(8, 9), dueAt: new Date(Date.UTC(y, m, 11, -8) - 1).toISOString(), departmentWide: month === 6 };
};
const projectsOf = (region: string, n: number, kind: MonitoredProject['kind'] = 'project'): MonitoredProject[] =>
  Array.from({ length: n }, (_, i) => ({ projectId: `${region}-${kind}-${i + 1}`, unitId: `unit-${i % 7}`, kind }));

const cycleActivities: MonthlyCycleActivities = {
  async monthSchedule(input) {
    record('monthSchedule', input.region, input);
    return scheduleOf(input.fiscalYear, input.month);
  },
  async listProjectsForMonth(input) {
    record('listProjectsForMonth', input.region, input);
    return [...projectsOf(input.region, 250), ...(input.departmentWide ? projectsOf(input.region, 5, 'department-wide') : [])];
  },
  async openMonthlyReports(input) {
    record('openMonthlyReports', input.region, input);
    // The first batch of March was opened before (a retried run): the service says so.
    const again = input.month === 3 && input.projects[0]?.projectId.endsWith('-1') ? 10 : 0;
    return { opened: input.projects.length - again, alreadyOpen: again };
  },
  async remindMonthlyReports(input) {
    record('remindMonthlyReports', input.region, input);
    return 40;
  },
  async markMonthlyReportsOverdue(input) {
    record('markMonthlyReportsOverdue', input.region, input);
    return 3;
  },
};

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;

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

async function refusal(promise: Promise<unknown>): Promise<CorrectiveCaseError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CorrectiveCaseError);
  return err as CorrectiveCaseError;
}

/**
 * The SDK gives the test server 5 s to start; on a loaded machine it sometimes needs more.
 * A second or third try is a fresh server, not a retried test.
 */
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
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: ORCHESTRATOR_TASK_QUEUE,
    workflowsPath: require.resolve('../../workflows'),
    activities: { ...correctiveActivities, ...cycleActivities },
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  if (worker && worker.getState() === 'RUNNING') worker.shutdown();
  await running;
  await env?.teardown();
}, 60_000);

jest.setTimeout(60_000);

let cases = 0;
const unit = { id: 'u-edu-1', role: 'unit' as const, unit: 'edu-bureau' };
const reallocate: CorrectiveAnswer = { choice: 'reallocate', reasons: '部分资金调剂至校舍维修项目', actor: unit, correlationId: 'c-1' };

/** A case opened now (workflow time), due in 14 days with a reminder 2 days before, as the domain computed. */
async function openCase(overrides: Partial<CorrectiveFollowUpInput> = {}) {
  const now = await env.currentTimeMs();
  const input: CorrectiveFollowUpInput = {
    caseId: `CC-${now.toString(36)}-${++cases}`,
    projectId: 'P-1',
    unitId: 'edu-bureau',
    fiscalYear: 2026,
    dueAt: new Date(now + 14 * DAY).toISOString(),
    remindAt: new Date(now + 12 * DAY).toISOString(),
    ...overrides,
  };
  dueAts.set(input.caseId, input.dueAt);
  const handle = await startCorrectiveFollowUp(env.client, input);
  return { input, handle, openedAt: now };
}

describe('corrective case follow-up (纠偏跟踪)', () => {
  it('an answer in time (调剂) is recorded and completes the case, with no reminder nor escalation', async () => {
    const { input, handle } = await openCase();
    await env.sleep('3 days');

    const result = await answerCorrectiveCase(env.client, input.caseId, reallocate);

    expect(result.followUp).toMatchObject({ status: 'answered', answer: { choice: 'reallocate', answeredBy: 'u-edu-1', late: false, caseVersion: 3 } });
    const [recorded] = callsOf(input.caseId, 'recordCorrectiveAnswer');
    expect(recorded?.input).toMatchObject({ caseId: input.caseId, choice: 'reallocate', reasons: reallocate.reasons, actor: unit, correlationId: 'c-1' });
    expect(await handle.result()).toEqual(result.followUp);
    await env.sleep('20 days');
    expect(callsOf(input.caseId).map((c) => c.activity)).toEqual(['recordCorrectiveAnswer']);
  });

  it('reminds before the deadline, escalates to finance when it passes, and completes when finance suspends', async () => {
    const { input, handle, openedAt } = await openCase();
    const notice = { caseId: input.caseId, projectId: 'P-1', unitId: 'edu-bureau', dueAt: input.dueAt };

    await env.sleep('11 days');
    expect(callsOf(input.caseId)).toEqual([]);
    await env.sleep('25 hours');
    await eventually(() => expect(callsOf(input.caseId, 'sendCorrectiveReminder')).toHaveLength(1));
    const [reminder] = callsOf(input.caseId, 'sendCorrectiveReminder');
    expect(reminder?.input).toMatchObject(notice);
    expect(reminder.scheduledAt - openedAt).toBeGreaterThanOrEqual(12 * DAY);
    expect(await describeCorrectiveCase(env.client, input.caseId)).toMatchObject({ status: 'awaiting-answer', reminderSent: true });

    await env.sleep('2 days');
    await eventually(() => expect(callsOf(input.caseId, 'escalateCorrectiveCase')).toHaveLength(1));
    const [escalation] = callsOf(input.caseId, 'escalateCorrectiveCase');
    expect(escalation.scheduledAt).toBeGreaterThan(Date.parse(input.dueAt));
    expect(Date.parse(escalation.input['at'] as string)).toBeGreaterThan(Date.parse(input.dueAt)); // workflow time, past due
    expect(await describeCorrectiveCase(env.client, input.caseId)).toMatchObject({ status: 'escalated' });

    await signalFinanceDecided(env.client, input.caseId, { mode: 'suspend', decidedBy: 'f-rev-1', decidedAt: new Date(await env.currentTimeMs()).toISOString() });
    expect(await handle.result()).toMatchObject({ status: 'finance-decided', financeDecision: { mode: 'suspend', decidedBy: 'f-rev-1' } });

    const closed = await refusal(answerCorrectiveCase(env.client, input.caseId, reallocate));
    expect(closed).toMatchObject({ code: 'CORRECTIVE_CASE_CLOSED', status: 409 });
    expect(callsOf(input.caseId, 'recordCorrectiveAnswer')).toEqual([]);
  });

  it('takes a late answer after the escalation, marked late by monitoring', async () => {
    const { input, handle } = await openCase({ remindAt: undefined });
    await env.sleep('15 days');
    await eventually(() => expect(callsOf(input.caseId, 'escalateCorrectiveCase')).toHaveLength(1));

    const result = await answerCorrectiveCase(env.client, input.caseId, { ...reallocate, choice: 'cancel', reasons: '项目条件已变化，申请取消' });

    expect(result.followUp).toMatchObject({ status: 'answered', escalatedAt: expect.any(String), answer: { choice: 'cancel', late: true } });
    expect(await handle.result()).toMatchObject({ status: 'answered' });
    expect(callsOf(input.caseId, 'sendCorrectiveReminder')).toEqual([]);
  });

  it('refuses another unit and finance users in the validator, without calling monitoring', async () => {
    const { input } = await openCase();
    const other = await refusal(answerCorrectiveCase(env.client, input.caseId, { ...reallocate, actor: { id: 'u-h', role: 'unit', unit: 'health-bureau' } }));
    expect(other).toMatchObject({ code: 'CORRECTIVE_NOT_OWNING_UNIT', status: 403, message: '只能答复本单位的纠偏事项：该事项属于单位“edu-bureau”' });
    const finance = await refusal(answerCorrectiveCase(env.client, input.caseId, { ...reallocate, actor: { id: 'f-1', role: 'finance-reviewer' } }));
    expect(finance).toMatchObject({ code: 'CORRECTIVE_ROLE_FORBIDDEN', status: 403 });
    expect(callsOf(input.caseId)).toEqual([]);
    expect(await describeCorrectiveCase(env.client, input.caseId)).toMatchObject({ status: 'awaiting-answer' });
  });

  it('a refusal by monitoring fails the update with its code and Chinese detail, and the case stays open', async () => {
    const { input } = await openCase();
    answerRefusals.set(input.caseId, () => {
      throw ApplicationFailure.create({ message: '选择“调剂”须说明理由', type: 'REASONS_REQUIRED', nonRetryable: true, details: [{ status: 422 }] });
    });

    const err = await refusal(answerCorrectiveCase(env.client, input.caseId, { ...reallocate, reasons: ' ' }));

    expect(err).toMatchObject({ code: 'REASONS_REQUIRED', status: 422, message: '选择“调剂”须说明理由' });
    expect(callsOf(input.caseId, 'recordCorrectiveAnswer')).toHaveLength(1); // non-retryable: one attempt
    expect(await describeCorrectiveCase(env.client, input.caseId)).toMatchObject({ status: 'awaiting-answer' });
    answerRefusals.delete(input.caseId);
    expect((await answerCorrectiveCase(env.client, input.caseId, reallocate)).followUp.status).toBe('answered');
  });

  it('starting it again returns the running follow-up; an unknown case is 404', async () => {
    const { input, handle } = await openCase();
    const again = await startCorrectiveFollowUp(env.client, input);
    expect((await again.describe()).runId).toBe((await handle.describe()).runId);
    expect(await refusal(describeCorrectiveCase(env.client, 'no-such-case'))).toMatchObject({ code: 'CORRECTIVE_CASE_NOT_FOUND', status: 404 });
  });

  it('fails at once on a reminder after the deadline', async () => {
    const now = await env.currentTimeMs();
    const { handle } = await openCase({ dueAt: new Date(now + DAY).toISOString(), remindAt: new Date(now + 2 * DAY).toISOString() });
    const err = await handle.result().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowFailedError);
    expect(((err as WorkflowFailedError).cause as ApplicationFailure).type).toBe('CORRECTIVE_INPUT_INVALID');
  });
});

describe('monthly monitoring cycle (每月监控)', () => {
  it('runs a whole year: opens every month’s reports on the open day, reminds, marks the late ones overdue', async () => {
    const region = `county-${Date.now().toString(36)}`;
    const fiscalYear = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
    const handle = await startMonthlyCycle(env.client, { region, fiscalYear, month: 1 });
    await eventually(async () => expect(await describeMonthlyCycle(env.client, region, fiscalYear)).toMatchObject({ month: 1, phase: 'waiting-to-open' }));

    const summaries = await handle.result();

    expect(summaries.map((s) => s.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(summaries.find((s) => s.month === 1)).toEqual({ month: 1, opened: 250, alreadyOpen: 0, reminded: 40, overdue: 3 });
    expect(summaries.find((s) => s.month === 3)).toMatchObject({ opened: 240, alreadyOpen: 10 });
    expect(summaries.find((s) => s.month === 6)).toMatchObject({ opened: 255 }); // with the department-wide reports

    for (let month = 1; month <= 12; month++) {
      const schedule = scheduleOf(fiscalYear, month);
      const ofMonth = (activity: string) => callsOf(region, activity).filter((c) => c.input['month'] === month);
      expect(ofMonth('listProjectsForMonth').map((c) => c.input['departmentWide'])).toEqual([month === 6]);
      const opens = ofMonth('openMonthlyReports');
      expect(opens).toHaveLength(3); // batches of 100
      expect(opens.every((c) => c.input['dueAt'] === schedule.dueAt)).toBe(true);
      expect(opens[0].scheduledAt).toBeGreaterThanOrEqual(Date.parse(schedule.opensAt));
      expect(opens[0].scheduledAt).toBeLessThan(Date.parse(schedule.opensAt) + 60_000);
      const [remind] = ofMonth('remindMonthlyReports');
      expect(remind.scheduledAt).toBeGreaterThanOrEqual(Date.parse(schedule.remindAt ?? ""));
      expect(remind.scheduledAt).toBeLessThan(Date.parse(schedule.dueAt));
      const [overdue] = ofMonth('markMonthlyReportsOverdue');
      expect(Date.parse(overdue.input['at'] as string)).toBeGreaterThan(Date.parse(schedule.dueAt));
      expect(overdue.scheduledAt).toBeLessThan(Date.parse(schedule.dueAt) + 60_000);
    }
    // December's report is filed in January of the next year.
    const december = callsOf(region, 'openMonthlyReports').find((c) => c.input['month'] === 12);
    expect(december).toBeDefined();
    expect(new Date(december?.scheduledAt ?? 0).getUTCFullYear()).toBe(fiscalYear + 1);
    expect(callsOf(region, 'monthSchedule')).toHaveLength(12);
  });

  it('started mid-year, opens the months from there on; starting again changes nothing', async () => {
    const region = `county-mid-${Date.now().toString(36)}`;
    const fiscalYear = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
    const handle = await startMonthlyCycle(env.client, { region, fiscalYear, month: 7 });
    const again = await startMonthlyCycle(env.client, { region, fiscalYear, month: 1 });
    expect(again.workflowId).toBe(handle.workflowId);

    const summaries = await handle.result();

    expect(summaries.map((s) => s.month)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(callsOf(region, 'listProjectsForMonth').map((c) => c.input['month'])).toEqual([7, 8, 9, 10, 11, 12]);
  });
});
