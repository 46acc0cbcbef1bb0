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
import type { GoalReviewActivities, ReviewEventInput } from './activities';
import { decideUpdate, resubmittedSignal, reviewTaskQuery } from './definitions';
import { refuseDecision } from './rules';
import type { GoalReviewInput, ReviewTask } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

// A reviewer waits on the decision: a few quick retries, then the update fails and they try again.
const { recordReviewDecision } = proxyActivities<GoalReviewActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 5 },
});
// Notices are nobody's request: they retry until goal-declaration takes them.
const { sendReviewReminder, markReviewOverdue } = proxyActivities<GoalReviewActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/**
 * 绩效目标审核: one review round of one project's goal table, from submission until finance
 * approves (优/良) or rejects (差) it. A return (中) waits for the unit's resubmission; each
 * (re)submission starts a new review period with its reminder and its due date.
 * Workflow id: `goalReviewWorkflowId(projectId, reviewRound)`.
 */
export async function goalReview(input: GoalReviewInput): Promise<ReviewTask> {
  if (!(input.reviewDeadlineDays > 0) || !(input.reminderDaysBefore >= 0)) {
    throw ApplicationFailure.nonRetryable(
      `审核时限无效：审核期限${input.reviewDeadlineDays}天，提前${input.reminderDaysBefore}天提醒`,
      'REVIEW_INPUT_INVALID',
    );
  }
  const dueFrom = (now: number) => new Date(now + input.reviewDeadlineDays * DAY_MS).toISOString();

  let task: ReviewTask = {
    projectId: input.projectId,
    unitId: input.unitId,
    fiscalYear: input.fiscalYear,
    reviewRound: input.reviewRound,
    status: 'open',
    submittedVersion: input.submittedVersion,
    dueAt: dueFrom(Date.now()),
    overdue: false,
    reminderSent: false,
  };
  let deciding = false;
  let cycle = 0;
  let deadline: CancellationScope | undefined;

  /** Reminder and due-date timers of the current review period; re-armed on resubmission. */
  const armDeadline = () => {
    deadline?.cancel();
    const myCycle = ++cycle;
    const dueMs = Date.parse(task.dueAt);
    const notice: ReviewEventInput = { projectId: task.projectId, reviewRound: task.reviewRound, dueAt: task.dueAt };
    const current = () => cycle === myCycle;
    const remind = async () => {
      if (input.reminderDaysBefore <= 0 || input.reminderDaysBefore >= input.reviewDeadlineDays) return;
      await sleep(Math.max(1, dueMs - input.reminderDaysBefore * DAY_MS - Date.now()));
      await notify('reminder', () => sendReviewReminder(notice));
      if (current()) task = { ...task, reminderSent: true };
    };
    const expire = async () => {
      await sleep(Math.max(1, dueMs - Date.now()));
      if (current()) task = { ...task, overdue: true };
      await notify('overdue', () => markReviewOverdue(notice));
    };
    const scope = new CancellationScope();
    deadline = scope;
    scope.run(() => Promise.all([remind(), expire()])).catch((err) => {
      if (!isCancellation(err)) log.error('review deadline timers failed', { error: String(err) });
    });
  };

  setHandler(reviewTaskQuery, () => task);

  setHandler(
    decideUpdate,
    async (d) => {
      deciding = true;
      let recorded;
      try {
        recorded = await recordReviewDecision({
          projectId: task.projectId,
          decision: d.decision,
          rating: d.rating,
          comments: d.comments,
          indicatorComments: d.indicatorComments,
          score: d.score,
          actor: d.actor,
          correlationId: d.correlationId,
        });
      } catch (err) {
        throw decisionFailure(err);
      } finally {
        deciding = false;
      }
      deadline?.cancel();
      task = {
        ...task,
        status: d.decision === 'return' ? 'awaiting-revision' : 'closed',
        outcome: {
          decision: d.decision,
          rating: d.rating,
          ...(d.comments !== undefined ? { comments: d.comments } : {}),
          decidedBy: d.actor.id,
          decidedAt: new Date(Date.now()).toISOString(),
          goalStatus: recorded.status,
          goalVersion: recorded.version,
        },
      };
      return { task, goalStatus: recorded.status, goalVersion: recorded.version };
    },
    {
      validator: (d) => {
        const refusal = refuseDecision(task, deciding, d);
        if (refusal) throw ApplicationFailure.create({ message: refusal.message, type: refusal.code, nonRetryable: true });
      },
    },
  );

  setHandler(resubmittedSignal, ({ version }) => {
    if (task.status !== 'awaiting-revision' || !(version > task.submittedVersion)) {
      log.info('resubmission ignored', { status: task.status, version, submittedVersion: task.submittedVersion });
      return;
    }
    task = {
      ...task,
      status: 'open',
      submittedVersion: version,
      dueAt: dueFrom(Date.now()),
      overdue: false,
      reminderSent: false,
    };
    armDeadline();
  });

  armDeadline();
  await condition(() => task.status === 'closed');
  await condition(allHandlersFinished);
  return task;
}

/** A notice that fails for good is logged, never fails the review. */
async function notify(kind: string, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (err) {
    if (isCancellation(err)) throw err;
    log.warn(`review ${kind} notice failed`, { error: String(err) });
  }
}

/**
 * The update fails with goal-declaration's own refusal (code as type, Chinese detail as
 * message) rather than the generic "activity failed".
 */
function decisionFailure(err: unknown): unknown {
  if (!(err instanceof ActivityFailure)) return err;
  if (err.cause instanceof ApplicationFailure) {
    return ApplicationFailure.create({
      message: err.cause.message,
      type: err.cause.type ?? 'GOAL_DECLARATION_FAILED',
      nonRetryable: true,
      details: err.cause.details ?? undefined,
    });
  }
  if (err.cause instanceof TimeoutFailure) {
    return ApplicationFailure.create({
      message: '绩效目标服务暂时无法记录审核决定，请稍后重试',
      type: 'GOAL_DECLARATION_UNAVAILABLE',
      nonRetryable: true,
    });
  }
  return err;
}
