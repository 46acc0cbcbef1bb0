import { ActivityFailure, ApplicationFailure, allHandlersFinished, condition, isCancellation, log, proxyActivities, setHandler } from '@temporalio/workflow';
import type { RectificationActivities } from './activities';
import { measuresAnsweredSignal, rectificationCaseQuery, rectificationIssuedSignal, verifyMeasureUpdate } from './definitions';
import { refuseVerification } from './rules';
import type { RectificationCase, RectificationCaseInput, RectificationNotice, RequirementProgress } from './types';

// A reviewer waits on the verification: a few quick retries, then the update fails.
const { recordVerification } = proxyActivities<RectificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 5 },
});
// Notices are nobody's request: they retry until the service takes them.
const { remindNotice, remindAnswer, markRequirementOverdue, escalateToFinanceAdmin } = proxyActivities<RectificationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/**
 * 整改跟踪: one rectification case from the final result until finance verifies every requirement.
 * The notice clock (reminder, late mark); then per requirement the unit's answer clock (reminder;
 * when late: overdue counted and the finance admin told); a send-back restarts that requirement's
 * clock at the deadline the service counted. Workflow id: `rectificationWorkflowId(caseId)`.
 */
export async function rectificationCase(input: RectificationCaseInput): Promise<RectificationCase> {
  let c: RectificationCase = {
    caseId: input.caseId,
    unitId: input.unitId,
    status: 'awaiting-notice',
    noticeDueAt: input.noticeDueAt,
    noticeReminded: false,
    noticeLate: false,
    requirements: [],
    overdueCount: 0,
  };
  const inFlight = new Set<string>();
  const notice = (requirementId?: string, dueAt = c.noticeDueAt): RectificationNotice => ({
    caseId: input.caseId,
    unitId: input.unitId,
    projectId: input.projectId,
    dueAt,
    ...(requirementId ? { requirementId } : {}),
  });
  const req = (id: string) => c.requirements.find((r) => r.requirementId === id) as RequirementProgress;
  const change = (id: string, next: Partial<RequirementProgress>) => {
    const requirements = c.requirements.map((r) => (r.requirementId === id ? { ...r, ...next } : r));
    c = { ...c, requirements, overdueCount: requirements.filter((r) => r.overdue).length };
  };

  setHandler(rectificationCaseQuery, () => c);
  setHandler(rectificationIssuedSignal, ({ requirementIds, answerDueAt }) => {
    if (c.status !== 'awaiting-notice') return;
    const requirements = requirementIds.map((requirementId): RequirementProgress => ({ requirementId, status: 'awaiting-answer', dueAt: answerDueAt, reminded: false, overdue: false, escalated: false }));
    c = { ...c, status: 'open', requirements };
  });
  setHandler(measuresAnsweredSignal, ({ requirementId }) => {
    const r = c.requirements.find((x) => x.requirementId === requirementId);
    if (r?.status === 'awaiting-answer') change(requirementId, { status: 'awaiting-verification' });
  });
  setHandler(
    verifyMeasureUpdate,
    async (v) => {
      inFlight.add(v.requirementId);
      let recorded;
      try {
        recorded = await recordVerification({ ...v, caseId: input.caseId });
      } catch (err) {
        throw verificationFailure(err);
      } finally {
        inFlight.delete(v.requirementId);
      }
      if (v.decision === 'accept') change(v.requirementId, { status: 'verified' });
      else change(v.requirementId, { status: 'awaiting-answer', dueAt: recorded.answerDueAt ?? req(v.requirementId).dueAt, reminded: false });
      if (c.requirements.every((r) => r.status === 'verified')) c = { ...c, status: 'closed' };
      return { ...recorded, closed: c.status === 'closed', case: c };
    },
    {
      validator: (v) => {
        const refusal = refuseVerification(c, inFlight, v);
        if (refusal) throw ApplicationFailure.create({ message: refusal.message, type: refusal.code, nonRetryable: true });
      },
    },
  );

  // The notice clock: finance is reminded, a late notice is marked (it counts against finance, not the unit).
  const issued = () => c.status !== 'awaiting-notice';
  if (!(await waitUntil(issued, Date.parse(input.noticeDueAt) - input.reminderMs))) {
    if (input.reminderMs > 0) {
      await notify('notice reminder', () => remindNotice(notice()));
      c = { ...c, noticeReminded: true };
    }
    if (!(await waitUntil(issued, Date.parse(input.noticeDueAt)))) {
      c = { ...c, noticeLate: true };
      await condition(issued);
    }
  }

  await Promise.all(c.requirements.map((r) => answerClock(r.requirementId)));
  await condition(allHandlersFinished);
  return c;

  /** One requirement's clock until it is verified; a send-back starts it over at its new deadline. */
  async function answerClock(id: string): Promise<void> {
    const status = () => req(id).status;
    while (status() !== 'verified') {
      const answeredOrVerified = () => status() !== 'awaiting-answer';
      const due = req(id).dueAt;
      if (status() === 'awaiting-answer') {
        if (input.reminderMs > 0 && !req(id).reminded && !(await waitUntil(answeredOrVerified, Date.parse(due) - input.reminderMs))) {
          await notify('answer reminder', () => remindAnswer(notice(id, due)));
          change(id, { reminded: true });
        }
        if (!answeredOrVerified() && !(await waitUntil(answeredOrVerified, Date.parse(due)))) {
          change(id, { overdue: true });
          await notify('overdue', () => markRequirementOverdue(notice(id, due)));
          await notify('escalation', () => escalateToFinanceAdmin(notice(id, due)));
          change(id, { escalated: true });
          await condition(answeredOrVerified);
        }
      }
      // Answered: wait for the verification (accepted ends the loop, sent back starts it over).
      await condition(() => status() !== 'awaiting-verification');
    }
  }
}

/** Waits for `done` until the moment `atMs`; true when done came first. Past moments fire at once. */
async function waitUntil(done: () => boolean, atMs: number): Promise<boolean> {
  if (done()) return true;
  return condition(done, Math.max(1, atMs - Date.now()));
}

/** A notice that fails for good is logged, never fails the case. */
async function notify(kind: string, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (err) {
    if (isCancellation(err)) throw err;
    log.warn(`rectification ${kind} failed`, { error: String(err) });
  }
}

/** The update fails with the service's own refusal (code as type, Chinese message). */
function verificationFailure(err: unknown): unknown {
  if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) {
    return ApplicationFailure.create({ message: err.cause.message, type: err.cause.type ?? 'RECTIFICATION_REFUSED', nonRetryable: true, details: err.cause.details ?? undefined });
  }
  if (err instanceof ActivityFailure) {
    return ApplicationFailure.create({ message: '结果应用服务暂时无法记录核实结果，请稍后重试', type: 'RESULT_APPLICATION_UNAVAILABLE', nonRetryable: true });
  }
  return err;
}
