import type { RecordedEvent } from '@bpm/contracts';
import { parsePerformanceGoalEvent } from '@bpm/goal-declaration-contract';
import { signalResubmitted, startGoalReview, type HasWorkflowClient } from '@bpm/workflows';

/**
 * Goal events → review workflows. The first submission of a round starts its review (starting
 * twice returns the running one); a resubmission after a return signals it. Both are safe to
 * repeat, which the consumer's inbox makes rare anyway.
 *
 * The event is read through goal-declaration's published contract: a submission whose data
 * breaks its schema throws ContractViolation (dead-lettered at once, see the bridge).
 */
export async function routeGoalEvent(event: RecordedEvent, client: HasWorkflowClient): Promise<void> {
  if (event.type !== 'GoalSubmittedForReview') return;
  const parsed = parsePerformanceGoalEvent(event);
  if (parsed?.type !== 'GoalSubmittedForReview') return;
  const e = parsed.data;
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
