import { condition, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { KeyEvaluationActivities } from './activities';
import { keyEvaluationScheduleQuery, milestoneReachedSignal } from './definitions';
import { KEY_EVALUATION_MILESTONES, KeyEvaluationScheduleInput, KeyEvaluationSchedule, MilestoneProgress } from './types';

// Notices are nobody's request: they retry until the evaluation service takes them.
const { remindMilestone, markMilestoneOverdue } = proxyActivities<KeyEvaluationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/**
 * 重点评价进度: the milestones of one key evaluation, in order, each with a reminder before its
 * due moment and an overdue mark after it. A milestone reached out of order also completes the
 * ones before it (finance may accept a draft that came with its fieldwork). Ends with the final report.
 */
export async function keyEvaluationSchedule(input: KeyEvaluationScheduleInput): Promise<KeyEvaluationSchedule> {
  let milestones: MilestoneProgress[] = KEY_EVALUATION_MILESTONES.map((milestone) => ({ milestone, dueAt: input.dueAt[milestone], reminded: false, overdue: false }));
  const current = () => milestones.find((m) => m.reachedAt === undefined);
  const snapshot = (): KeyEvaluationSchedule => ({ projectId: input.projectId, current: current()?.milestone, milestones });
  const update = (i: number, change: Partial<MilestoneProgress>) => {
    milestones = milestones.map((m, n) => (n === i ? { ...m, ...change } : m));
  };

  setHandler(keyEvaluationScheduleQuery, snapshot);
  setHandler(milestoneReachedSignal, ({ milestone, at }) => {
    const upTo = KEY_EVALUATION_MILESTONES.indexOf(milestone);
    milestones.forEach((m, i) => {
      if (i <= upTo && m.reachedAt === undefined) update(i, { reachedAt: at });
    });
  });

  for (let i = 0; i < milestones.length; i++) {
    const m = milestones[i];
    if (m.reachedAt !== undefined) continue;
    const notice = { projectId: input.projectId, fiscalYear: input.fiscalYear, agencyId: input.agencyId, milestone: m.milestone, dueAt: m.dueAt };
    const reached = () => milestones[i].reachedAt !== undefined;
    const dueMs = Date.parse(m.dueAt);
    const remindAt = dueMs - input.reminderMs;
    if (input.reminderMs > 0 && remindAt > Date.now()) {
      if (!(await condition(reached, remindAt - Date.now()))) {
        await remindMilestone(notice);
        update(i, { reminded: true });
      }
    }
    if (reached()) continue;
    if (!(await condition(reached, Math.max(1, dueMs - Date.now())))) {
      update(i, { overdue: true });
      await markMilestoneOverdue(notice);
      await condition(reached);
    }
  }
  // Let a last signal's handler finish before the result is taken.
  await sleep(1);
  return snapshot();
}
