import { WorkflowNotFoundError } from '@temporalio/client';
import type { RecordedEvent } from '@bpm/contracts';
import { signalFinanceDecided, startCorrectiveFollowUp, type HasWorkflowClient, type RestrictionMode } from '@bpm/workflows';

/** monitoring's corrective case streams are `correctiveCase-<caseId>`. */
const CASE_STREAM = /^correctiveCase-(.+)$/;

type Opened = { caseId: string; projectId: string; unitId: string; fiscalYear: number; dueAt: string; remindAt?: string };
type Restricted = { mode: RestrictionMode; by: string; at: string };

/**
 * monitoring's corrective case events → follow-up workflows, so no service writes both its
 * stream and Temporal:
 * - `CorrectiveCaseOpened` starts the follow-up `corrective-case-<caseId>` with the deadline and
 *   reminder monitoring computed (starting twice returns the running one);
 * - `AllocationRestricted` (暂缓/停止拨款) signals the finance decision, which closes it.
 * `CorrectiveCaseAnswered` needs nothing: the answer goes through the follow-up's Update, which
 * records it and closes the follow-up itself. Reminder and escalation events are the follow-up's own.
 */
export async function routeMonitoringEvent(event: RecordedEvent, client: HasWorkflowClient): Promise<void> {
  const caseId = CASE_STREAM.exec(event.subject)?.[1];
  if (!caseId) return;
  if (event.type === 'CorrectiveCaseOpened') {
    const e = event.data as Opened;
    await startCorrectiveFollowUp(client, {
      caseId: e.caseId,
      projectId: e.projectId,
      unitId: e.unitId,
      fiscalYear: e.fiscalYear,
      dueAt: e.dueAt,
      ...(e.remindAt ? { remindAt: e.remindAt } : {}),
    });
  } else if (event.type === 'AllocationRestricted') {
    const e = event.data as Restricted;
    try {
      await signalFinanceDecided(client, caseId, { mode: e.mode, decidedBy: e.by, decidedAt: e.at });
    } catch (error) {
      // The follow-up already ended (answered, or an earlier decision): the restriction stands on
      // the case stream regardless; there is nothing left to follow.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}
