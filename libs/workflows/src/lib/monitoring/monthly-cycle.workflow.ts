import { ApplicationFailure, continueAsNew, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { MonthlyCycleActivities } from './activities';
import { monthlyCycleQuery } from './definitions';
import type { MonitoredProject, MonthlyCycleInput, MonthlyCycleStatus, MonthPhase, MonthSchedule, MonthSummary } from './types';

// All of these are the platform's own work: retry until monitoring takes them.
const acts = proxyActivities<MonthlyCycleActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/** Reports opened per activity call: a county has ~1,000 projects; keep each call short. */
export const OPEN_BATCH_SIZE = 100;
/** Mark overdue just after the due instant: the domain marks only once `at` is past it. */
const AFTER_DUE_MS = 1000;

const nowIso = () => new Date(Date.now()).toISOString();
const sleepUntil = (iso: string, extraMs = 0) => sleep(Math.max(1, Date.parse(iso) + extraMs - Date.now()));

/**
 * 每月监控: for one region and fiscal year, on the configured day of each month, open the
 * month's reports for every project with an approved goal (department-wide ones at the June
 * node), remind the units before the due date, and mark the reports still owed overdue.
 * One month per run, then continue-as-new with the next; December's run ends the cycle.
 * Workflow id: `monthlyCycleWorkflowId(region, fiscalYear)`.
 */
export async function monthlyMonitoringCycle(input: MonthlyCycleInput): Promise<readonly MonthSummary[]> {
  const { region, fiscalYear, month } = input;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw ApplicationFailure.nonRetryable(`监控月份“${month}”无效，应为1至12`, 'MONTHLY_CYCLE_INPUT_INVALID');
  }
  const done = input.done ?? [];
  let phase: MonthPhase = 'scheduling';
  let schedule: MonthSchedule | undefined = undefined;
  let current: MonthSummary = { month, opened: 0, alreadyOpen: 0, reminded: 0, overdue: 0 };

  setHandler(monthlyCycleQuery, (): MonthlyCycleStatus => ({ region, fiscalYear, month, phase, ...(schedule ? { schedule } : {}), current, done }));

  const m = { region, fiscalYear, month };
  schedule = await acts.monthSchedule(m);
  if ([schedule.opensAt, schedule.dueAt, schedule.remindAt ?? schedule.dueAt].some((t) => Number.isNaN(Date.parse(t))) || !(schedule.dueAt > schedule.opensAt)) {
    throw ApplicationFailure.nonRetryable(`${month}月监控报告时间安排无效：开放${schedule.opensAt}，截止${schedule.dueAt}`, 'MONTHLY_SCHEDULE_INVALID');
  }
  phase = 'waiting-to-open';
  await sleepUntil(schedule.opensAt);

  const projects: readonly MonitoredProject[] = await acts.listProjectsForMonth({ ...m, departmentWide: schedule.departmentWide });
  phase = 'open';
  for (let i = 0; i < projects.length; i += OPEN_BATCH_SIZE) {
    const r = await acts.openMonthlyReports({ ...m, dueAt: schedule.dueAt, at: nowIso(), projects: projects.slice(i, i + OPEN_BATCH_SIZE) });
    current = { ...current, opened: current.opened + r.opened, alreadyOpen: current.alreadyOpen + r.alreadyOpen };
  }

  if (schedule.remindAt !== undefined && schedule.remindAt < schedule.dueAt) {
    await sleepUntil(schedule.remindAt);
    current = { ...current, reminded: await acts.remindMonthlyReports({ ...m, dueAt: schedule.dueAt, at: nowIso() }) };
    phase = 'reminded';
  }

  await sleepUntil(schedule.dueAt, AFTER_DUE_MS);
  current = { ...current, overdue: await acts.markMonthlyReportsOverdue({ ...m, dueAt: schedule.dueAt, at: nowIso() }) };
  phase = 'closed';

  const all = [...done, current];
  if (month === 12) return all;
  return continueAsNew<typeof monthlyMonitoringCycle>({ region, fiscalYear, month: month + 1, done: all });
}
