import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { RecordedEvent } from '@bpm/contracts';
import { signalMilestoneReached, startKeyEvaluationSchedule, type KeyEvaluationMilestone } from '@bpm/workflows';

type Assigned = { fiscalYear: number; agencyId: string; schedule: { dueAt: Record<KeyEvaluationMilestone, string>; reminderDaysBefore: number } };

const DAY_MS = 86_400_000;
/** Which milestone each evaluation event reaches. */
const REACHED: Partial<Record<string, (data: Record<string, unknown>) => KeyEvaluationMilestone>> = {
  KeyEvaluationMilestoneReached: (d) => d['milestone'] as KeyEvaluationMilestone,
  KeyEvaluationDraftSubmitted: () => 'draft-report',
  KeyEvaluationDraftAccepted: () => 'finance-review',
  KeyEvaluationCompleted: () => 'final-report',
};

/**
 * Evaluation events → the key-evaluation schedule. The assignment (its due dates fixed in the event)
 * starts the workflow, once per evaluation; each later milestone signals it. The assignment is the
 * only write of the request that made it: a crash cannot leave an assigned evaluation without its
 * schedule, nor a schedule without its assignment.
 */
export async function routeEvaluationEvent(event: RecordedEvent, client: Client): Promise<void> {
  if (!event.subject.startsWith('keyEvaluation-')) return;
  const projectId = event.subject.slice('keyEvaluation-'.length);
  if (event.type === 'KeyEvaluationAssigned') {
    const d = event.data as Assigned;
    await startKeyEvaluationSchedule(client, {
      projectId,
      fiscalYear: d.fiscalYear,
      agencyId: d.agencyId,
      dueAt: d.schedule.dueAt,
      reminderMs: d.schedule.reminderDaysBefore * DAY_MS,
    });
    return;
  }
  const reached = REACHED[event.type];
  if (!reached) return;
  try {
    await signalMilestoneReached(client, projectId, reached(event.data as Record<string, unknown>), event.time);
  } catch (error) {
    // A schedule that has ended (its final report reached) has nothing left to hear.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}
