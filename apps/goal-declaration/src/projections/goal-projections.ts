import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import { defineProjection } from '@bpm/messaging';
import type { PerformanceGoal } from '../domain';
import { GoalSummary } from './goal-summary.entity';
import { ReviewTask } from './review-task.entity';

type E = PerformanceGoal.PerformanceGoalEvent;
const DAY_MS = 86_400_000;

const statusAfter: Partial<Record<E['type'], string>> = {
  GoalSubmittedForReview: 'submitted',
  GoalApproved: 'approved',
  GoalReturned: 'returned',
  GoalRejected: 'rejected',
  GoalAdjustmentRequested: 'adjustment-requested',
  GoalAdjustmentRejected: 'approved',
};

async function applyToSummary(e: E, event: RecordedEvent, m: EntityManager) {
  const repo = m.getRepository(GoalSummary);
  if (e.type === 'ProjectRegistered') {
    const p = e.data.project;
    await repo.upsert(
      {
        projectId: p.projectId, unitId: p.unitId, fiscalYear: p.fiscalYear, name: p.name, budget: p.budget,
        projectType: p.projectType, amount: p.amount, status: 'draft', version: 0, reviewRound: 0, rating: null,
        updatedAt: new Date(event.time),
      },
      ['projectId'],
    );
    return;
  }
  const changes: Partial<GoalSummary> = { updatedAt: new Date(event.time) };
  if (e.type === 'GoalDeclared') changes.version = e.data.version;
  if (e.type === 'GoalSubmittedForReview') changes.reviewRound = e.data.reviewRound;
  if (e.type === 'GoalApproved' || e.type === 'GoalReturned' || e.type === 'GoalRejected') changes.rating = e.data.rating;
  const status = statusAfter[e.type];
  if (status) changes.status = status;
  await repo.update({ projectId: e.data.projectId }, changes);
}

async function applyToInbox(e: E, event: RecordedEvent, m: EntityManager) {
  const repo = m.getRepository(ReviewTask);
  if (e.type === 'ProjectRegistered' || e.type === 'GoalDeclared' || e.type === 'GoalAdjustmentRequested') return;
  const taskId = `${e.data.projectId}:${e.data.reviewRound}`;
  switch (e.type) {
    case 'GoalSubmittedForReview': {
      const summary = await m.getRepository(GoalSummary).findOneByOrFail({ projectId: e.data.projectId });
      const submittedAt = new Date(event.time);
      await repo.upsert(
        {
          taskId, projectId: e.data.projectId, unitId: summary.unitId, fiscalYear: summary.fiscalYear,
          projectName: summary.name, reviewRound: e.data.reviewRound, submission: e.data.submission,
          version: e.data.version, isAdjustment: e.data.isAdjustment, status: 'open', submittedAt,
          dueAt: new Date(submittedAt.getTime() + e.data.reviewDeadlineDays * DAY_MS),
          reminderSent: false, overdue: false, outcome: null,
        },
        ['taskId'],
      );
      return;
    }
    case 'GoalReturned':
      await repo.update({ taskId }, { status: 'awaiting-revision', outcome: e.data.rating });
      return;
    case 'GoalApproved':
    case 'GoalRejected':
    case 'GoalAdjustmentRejected':
      await repo.update({ taskId }, { status: 'closed', outcome: e.data.rating });
      return;
    case 'GoalReviewReminderSent':
      await repo.update({ taskId }, { reminderSent: true });
      return;
    case 'GoalReviewOverdue':
      await repo.update({ taskId }, { overdue: true });
      return;
  }
}

/** Goals by unit, year and state; the review inbox. Both fold the `goal` streams. */
export const goalReadModel = defineProjection({
  name: 'goal-declaration.goals',
  categories: ['goal'],
  tables: [ReviewTask, GoalSummary],
  async apply(event, manager) {
    const e = { type: event.type, data: event.data } as E;
    await applyToSummary(e, event, manager);
    await applyToInbox(e, event, manager);
  },
});
