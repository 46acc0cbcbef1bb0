import type { RecordedEvent } from '@bpm/contracts';
import { signalResubmitted, startGoalReview, type HasWorkflowClient } from '@bpm/workflows';

type Submitted = {
  projectId: string;
  unitId: string;
  fiscalYear: number;
  version: number;
  reviewRound: number;
  submission: number;
  reviewDeadlineDays: number;
  reminderDaysBefore: number;
};

/**
 * Goal events → review workflows. The first submission of a round starts its review (starting
 * twice returns the running one); a resubmission after a return signals it. Both are safe to
 * repeat, which the consumer's inbox makes rare anyway.
 */
export async function routeGoalEvent(event: RecordedEvent, client: HasWorkflowClient): Promise<void> {
  if (event.type !== 'GoalSubmittedForReview') return;
  const e = event.data as Submitted;
  if (e.submission === 1) {
    await startGoalReview(client, {
      projectId: e.projectId,
      unitId: e.unitId,
      fiscalYear: e.fiscalYear,
      reviewRound: e.reviewRound,
      submittedVersion: e.version,
      reviewDeadlineDays: e.reviewDeadlineDays,
      reminderDaysBefore: e.reminderDaysBefore,
    });
  } else {
    await signalResubmitted(client, e.projectId, e.reviewRound, e.version);
  }
}
