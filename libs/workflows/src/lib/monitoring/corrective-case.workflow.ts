import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  TimeoutFailure,
  allHandlersFinished,
  condition,
  isCancellation,
  log,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { CorrectiveCaseActivities, CorrectiveNoticeInput } from './activities';
import { answerCorrectiveUpdate, correctiveCaseQuery, financeDecidedSignal } from './definitions';
import { refuseAnswer } from './rules';
import type { CorrectiveFollowUp, CorrectiveFollowUpInput } from './types';

// The unit waits on its answer: a few quick retries, then the update fails and they try again.
const { recordCorrectiveAnswer } = proxyActivities<CorrectiveCaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 5 },
});
// Notices are nobody's request: they retry until monitoring takes them.
const { sendCorrectiveReminder, escalateCorrectiveCase } = proxyActivities<CorrectiveCaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/** Escalate just after the deadline: the domain escalates only once `at` is past `dueAt`. */
const AFTER_DUE_MS = 1000;

const nowIso = () => new Date(Date.now()).toISOString();

/**
 * 纠偏跟踪: one corrective case from its opening until the unit answers (继续 / 调剂 / 取消)
 * or finance suspends or stops the allocation. Reminds the unit before the deadline and
 * escalates to finance when it passes; a late answer is still taken.
 * Workflow id: `correctiveFollowUpWorkflowId(caseId)`.
 */
export async function correctiveCaseFollowUp(input: CorrectiveFollowUpInput): Promise<CorrectiveFollowUp> {
  const dueMs = Date.parse(input.dueAt);
  const remindMs = input.remindAt === undefined ? undefined : Date.parse(input.remindAt);
  if (Number.isNaN(dueMs) || (remindMs !== undefined && (Number.isNaN(remindMs) || remindMs >= dueMs))) {
    throw ApplicationFailure.nonRetryable(`纠偏事项期限无效：答复期限“${input.dueAt}”，提醒时间“${input.remindAt ?? '无'}”`, 'CORRECTIVE_INPUT_INVALID');
  }

  let followUp: CorrectiveFollowUp = {
    caseId: input.caseId,
    projectId: input.projectId,
    unitId: input.unitId,
    fiscalYear: input.fiscalYear,
    status: 'awaiting-answer',
    dueAt: input.dueAt,
    ...(input.remindAt !== undefined ? { remindAt: input.remindAt } : {}),
    reminderSent: false,
  };
  let answering = false;
  const done = () => followUp.status === 'answered' || followUp.status === 'finance-decided';
  const notice = (): CorrectiveNoticeInput => ({ caseId: input.caseId, projectId: input.projectId, unitId: input.unitId, dueAt: input.dueAt, at: nowIso() });

  setHandler(correctiveCaseQuery, () => followUp);

  setHandler(
    answerCorrectiveUpdate,
    async (a) => {
      answering = true;
      let recorded;
      try {
        recorded = await recordCorrectiveAnswer({ caseId: input.caseId, choice: a.choice, reasons: a.reasons, actor: a.actor, correlationId: a.correlationId, at: nowIso() });
      } catch (err) {
        throw answerFailure(err);
      } finally {
        answering = false;
      }
      followUp = {
        ...followUp,
        status: 'answered',
        answer: { choice: a.choice, answeredBy: a.actor.id, answeredAt: nowIso(), late: recorded.late, caseVersion: recorded.version },
      };
      return { followUp, caseVersion: recorded.version };
    },
    {
      validator: (a) => {
        const refusal = refuseAnswer(followUp, answering, a);
        if (refusal) throw ApplicationFailure.create({ message: refusal.message, type: refusal.code, nonRetryable: true });
      },
    },
  );

  setHandler(financeDecidedSignal, (decision) => {
    if (done()) {
      log.info('finance decision after the case closed', { status: followUp.status });
      return;
    }
    followUp = { ...followUp, status: 'finance-decided', financeDecision: decision };
  });

  const timers = new CancellationScope();
  const deadline = timers
    .run(async () => {
      if (remindMs !== undefined) {
        await sleep(Math.max(1, remindMs - Date.now()));
        if (followUp.status === 'awaiting-answer' && !answering) {
          await notify('reminder', () => sendCorrectiveReminder(notice()));
          followUp = { ...followUp, reminderSent: true };
        }
      }
      await sleep(Math.max(1, dueMs + AFTER_DUE_MS - Date.now()));
      // An answer being recorded right now wins over the escalation.
      await condition(() => !answering);
      if (followUp.status !== 'awaiting-answer') return;
      followUp = { ...followUp, status: 'escalated', escalatedAt: nowIso() };
      await notify('escalation', () => escalateCorrectiveCase(notice()));
    })
    .catch((err) => {
      if (!isCancellation(err)) log.error('corrective case timers failed', { error: String(err) });
    });

  await condition(done);
  timers.cancel();
  await deadline;
  await condition(allHandlersFinished);
  return followUp;
}

/** A notice that fails for good is logged, never fails the follow-up. */
async function notify(kind: string, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (err) {
    if (isCancellation(err)) throw err;
    log.warn(`corrective case ${kind} failed`, { error: String(err) });
  }
}

/** The update fails with monitoring's own refusal (code as type, Chinese detail as message). */
function answerFailure(err: unknown): unknown {
  if (!(err instanceof ActivityFailure)) return err;
  if (err.cause instanceof ApplicationFailure) {
    return ApplicationFailure.create({
      message: err.cause.message,
      type: err.cause.type ?? 'MONITORING_FAILED',
      nonRetryable: true,
      details: err.cause.details ?? undefined,
    });
  }
  if (err.cause instanceof TimeoutFailure) {
    return ApplicationFailure.create({ message: '绩效监控服务暂时无法记录纠偏答复，请稍后重试', type: 'MONITORING_UNAVAILABLE', nonRetryable: true });
  }
  return err;
}
