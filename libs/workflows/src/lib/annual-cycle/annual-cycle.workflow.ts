import {
  ApplicationFailure,
  ParentClosePolicy,
  WorkflowIdReusePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Actor } from '@bpm/contracts';
import type { MonthlyCycleInput } from '../monitoring/types';
import { monthlyCycleWorkflowId } from '../monitoring/types';
import { STAGE_ACTIVITY, type AnnualCycleActivities, type StageInput } from './activities';
import { calendarProblems, defaultCalendar, PHASE_NAMES } from './calendar';
import { advancePhaseUpdate, annualCycleQuery, extendDeadlineUpdate, stageCompletedSignal } from './definitions';
import { lateItems, nextPhase, refuseAdvance, refuseExtension, type CycleRefusal } from './rules';
import { CYCLE_PHASE_ATTRIBUTE, FISCAL_YEAR_ATTRIBUTE, REGION_ATTRIBUTE } from './search-attributes';
import { CYCLE_PHASES, type ActivePhase, type AnnualCycleInput, type AnnualCycleStatus, type CyclePhase, type CycleState, type PhaseEvent, type PhaseEventType } from './types';

// The platform's own work: retry until the service takes it (each activity is idempotent).
const acts = proxyActivities<AnnualCycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/** A year has ~40 events; a long extension fight still ends far below Temporal's limits. */
const DEFAULT_HISTORY_LIMIT = 2_000;
/** Version 2 records the June department-wide node as a milestone; older years replay without it. */
export const DEPARTMENT_WIDE_NODE_PATCH = 'annual-cycle-department-wide-node';
const NODE = 'department-wide-node';

const SYSTEM: Actor = { id: 'orchestrator', role: 'system' };
const nowIso = () => new Date(Date.now()).toISOString();
const refusal = (r: CycleRefusal) => ApplicationFailure.create({ message: r.message, type: r.code, nonRetryable: true });

/**
 * 年度预算绩效管理循环: one region's fiscal year as one durable process. Walks the phases of
 * the calendar in order, starts each stage through its activity (the monthly monitoring cycle
 * as a child workflow), and records every phase change on the `annualCycle-<region>-<year>`
 * stream. A phase whose stage waits for completion stays open past its deadline and is
 * reported late; finance admins extend deadlines and advance phases by hand (updates).
 * Continues as new with its state when the history grows. Workflow id: `annualCycleWorkflowId`.
 */
export async function annualBudgetCycle(input: AnnualCycleInput): Promise<AnnualCycleStatus> {
  const { region, fiscalYear } = input;
  if (typeof region !== 'string' || region.trim() === '') throw ApplicationFailure.nonRetryable('缺少区划', 'CYCLE_INPUT_INVALID');
  const calendar = input.carried?.calendar ?? input.calendar ?? defaultCalendar(fiscalYear);
  const problems = calendarProblems(fiscalYear, calendar);
  if (problems.length) throw ApplicationFailure.nonRetryable(`年度工作日程无效：${problems.join('；')}`, 'CYCLE_CALENDAR_INVALID');

  let state: CycleState = input.carried ?? { phase: 'not-started', calendar, awaitingCompletion: [], overdue: [], milestones: [], history: [], runs: 1 };
  let changes = 0; // bumped by every update and signal: the waiting loop looks again
  let advancedFrom: ActivePhase | undefined;
  let advancing = false;

  const status = (asOfMs?: number): AnnualCycleStatus => {
    const phase = state.phase;
    const active = (CYCLE_PHASES as readonly string[]).includes(phase);
    return {
      region,
      fiscalYear,
      phase,
      ...(active ? { deadline: state.calendar.deadlines[phase as ActivePhase] } : {}),
      calendar: state.calendar,
      late: lateItems(state, Math.max(Date.now(), typeof asOfMs === 'number' && Number.isFinite(asOfMs) ? asOfMs : 0)),
      history: state.history,
      runs: state.runs,
    };
  };

  // Appends are serial: each names the stream version it expects, so two at once would collide.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };
  const record = (type: PhaseEventType, phase: CyclePhase, extra: Partial<PhaseEvent> = {}, actor: Actor = SYSTEM, correlationId = input.correlationId) =>
    serial(async () => {
      const version = state.history.length + 1;
      const event: PhaseEvent = { type, phase, at: nowIso(), version, ...extra };
      await acts.recordCycleEvent({ region, fiscalYear, expectedVersion: version - 1, eventId: uuid4(), type, data: { region, fiscalYear, ...event }, actor, correlationId });
      state = { ...state, history: [...state.history, event] };
    });

  const setPhase = (phase: CyclePhase) => {
    state = { ...state, phase };
    upsertSearchAttributes([{ key: CYCLE_PHASE_ATTRIBUTE, value: phase }]);
  };
  upsertSearchAttributes([
    { key: REGION_ATTRIBUTE, value: region },
    { key: FISCAL_YEAR_ATTRIBUTE, value: fiscalYear },
    { key: CYCLE_PHASE_ATTRIBUTE, value: state.phase },
  ]);

  setHandler(annualCycleQuery, (asOfMs) => status(asOfMs));

  setHandler(
    extendDeadlineUpdate,
    async (ext) => {
      await serial(async () => {
        const late = refuseExtension(state, ext, Date.now()); // again: another extension may have come first
        if (late) throw refusal(late);
      });
      const previousDeadline = state.calendar.deadlines[ext.phase];
      await record('CycleDeadlineExtended', ext.phase, { by: ext.actor.id, reason: ext.reason.trim(), deadline: ext.newDeadline, previousDeadline }, ext.actor, ext.correlationId);
      state = { ...state, calendar: { ...state.calendar, deadlines: { ...state.calendar.deadlines, [ext.phase]: ext.newDeadline } } };
      changes++;
      return status();
    },
    {
      validator: (ext) => {
        const r = refuseExtension(state, ext, Date.now());
        if (r) throw refusal(r);
      },
    },
  );

  setHandler(
    advancePhaseUpdate,
    async (adv) => {
      advancing = true;
      try {
        await record('CyclePhaseAdvancedManually', adv.fromPhase, { by: adv.actor.id, reason: adv.reason.trim() }, adv.actor, adv.correlationId);
        advancedFrom = adv.fromPhase;
        changes++;
        // Answer with the phase the cycle moved into.
        await condition(() => state.phase !== adv.fromPhase);
        return status();
      } finally {
        advancing = false;
      }
    },
    {
      validator: (adv) => {
        const r = refuseAdvance(state, adv, advancing);
        if (r) throw refusal(r);
      },
    },
  );

  setHandler(stageCompletedSignal, async (done) => {
    if (!state.awaitingCompletion.includes(done.phase)) {
      log.info('stage completion for a phase not waiting for one', { phase: done.phase });
      return;
    }
    state = { ...state, awaitingCompletion: state.awaitingCompletion.filter((p) => p !== done.phase) };
    await record('CycleStageCompleted', done.phase, done.summary ? { detail: done.summary } : {});
    changes++;
  });

  const enter = async (phase: ActivePhase) => {
    setPhase(phase);
    const deadline = state.calendar.deadlines[phase];
    await record('CyclePhaseEntered', phase, { deadline });
    const activity = STAGE_ACTIVITY[phase];
    if (!activity) return;
    const stage: StageInput = { region, fiscalYear, phase, deadline, at: nowIso(), correlationId: input.correlationId };
    const outcome = await acts[activity](stage);
    if (outcome.kind === 'not-available') {
      await record('CycleStageNotAvailable', phase, { detail: outcome.reason });
      return;
    }
    let reference = outcome.reference;
    if (phase === 'monitoring') reference = await startMonitoringChild();
    if (outcome.awaitsCompletion) state = { ...state, awaitingCompletion: [...state.awaitingCompletion, phase] };
    await record('CycleStageStarted', phase, { detail: [outcome.summary, reference].filter(Boolean).join('；') || PHASE_NAMES[phase] });
  };

  /** Monitoring's own monthly cycle, abandoned (not cancelled) if this cycle ends or continues as new. */
  const startMonitoringChild = async (): Promise<string> => {
    const workflowId = monthlyCycleWorkflowId(region, fiscalYear);
    const args: [MonthlyCycleInput] = [{ region, fiscalYear, month: 1 }];
    try {
      await startChild('monthlyMonitoringCycle', {
        workflowId,
        args,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      });
    } catch (err) {
      // Monitoring started it itself: the same cycle, nothing to do.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    return workflowId;
  };

  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const continueIfLong = async () => {
    const info = workflowInfo();
    if (!info.continueAsNewSuggested && info.historyLength < historyLimit) return;
    await condition(allHandlersFinished);
    await tail;
    const carried: CycleState = { ...state, runs: state.runs + 1 };
    await continueAsNew<typeof annualBudgetCycle>({ ...input, calendar: state.calendar, carried });
  };

  // ── the year ────────────────────────────────────────────────────────────────────────
  if (state.phase === 'not-started') {
    await sleep(Math.max(1, Date.parse(state.calendar.opensAt) - Date.now()));
    await record('AnnualCycleStarted', 'not-started', { by: input.startedBy.id, detail: `${region} ${fiscalYear}年度` }, input.startedBy);
    await enter(CYCLE_PHASES[0]);
  }

  while (state.phase !== 'closed') {
    const phase = state.phase as ActivePhase;
    const deadlineMs = Date.parse(state.calendar.deadlines[phase]);
    const waitsForStage = state.awaitingCompletion.includes(phase);
    const now = Date.now();
    const overdueKey = `${phase}@${state.calendar.deadlines[phase]}`;

    // The June node is recorded before monitoring ends, even when the cycle wakes late.
    if (phase === 'monitoring' && !state.milestones.includes(NODE) && now >= Date.parse(state.calendar.departmentWideNodeAt) && patched(DEPARTMENT_WIDE_NODE_PATCH)) {
      state = { ...state, milestones: [...state.milestones, NODE] };
      await record('CycleMilestoneReached', phase, { detail: '部门整体绩效运行监控节点（6月）' });
      continue;
    }
    if (advancedFrom === phase) {
      advancedFrom = undefined;
    } else if (!waitsForStage && now >= deadlineMs) {
      // the deadline ends the phase
    } else {
      if (waitsForStage && now > deadlineMs && !state.overdue.includes(overdueKey)) {
        state = { ...state, overdue: [...state.overdue, overdueKey] };
        await record('CyclePhaseOverdue', phase, { deadline: state.calendar.deadlines[phase] });
      }
      let wakeAt = now < deadlineMs ? deadlineMs + (waitsForStage ? 1 : 0) : undefined;
      if (phase === 'monitoring' && !state.milestones.includes(NODE) && patched(DEPARTMENT_WIDE_NODE_PATCH)) {
        const nodeMs = Date.parse(state.calendar.departmentWideNodeAt);
        if (nodeMs > now) wakeAt = wakeAt === undefined ? nodeMs : Math.min(wakeAt, nodeMs);
      }
      await continueIfLong();
      const seen = changes;
      if (wakeAt === undefined) await condition(() => changes !== seen);
      else await condition(() => changes !== seen, Math.max(1, wakeAt - Date.now()));
      continue;
    }

    const next = nextPhase(phase);
    if (next === 'closed') {
      setPhase('closed');
      await record('AnnualCycleClosed', 'closed');
    } else {
      await enter(next);
    }
  }
  await condition(allHandlersFinished);
  return status();
}
