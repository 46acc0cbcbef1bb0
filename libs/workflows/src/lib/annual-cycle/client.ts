/**
 * How the gateway (and tests) talk to the annual cycle. Not workflow code.
 */
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { HasWorkflowClient } from '../goal-review/client';
import { ORCHESTRATOR_TASK_QUEUE } from '../task-queue';
import type { annualBudgetCycle } from './annual-cycle.workflow';
import { calendarProblems } from './calendar';
import { advancePhaseUpdate, annualCycleQuery, extendDeadlineUpdate, stageCompletedSignal } from './definitions';
import type { CycleRefusalCode } from './rules';
import { CYCLE_PHASE_ATTRIBUTE, FISCAL_YEAR_ATTRIBUTE, REGION_ATTRIBUTE } from './search-attributes';
import { annualCycleWorkflowId, type AnnualCycleInput, type AnnualCycleStatus, type DeadlineExtension, type PhaseAdvance, type StageCompletion } from './types';

export const CYCLE_REFUSAL_STATUS: Readonly<Record<CycleRefusalCode, number>> = {
  CYCLE_ROLE_FORBIDDEN: 403,
  CYCLE_REASON_REQUIRED: 422,
  CYCLE_PHASE_UNKNOWN: 422,
  CYCLE_DEADLINE_INVALID: 422,
  CYCLE_PHASE_PASSED: 409,
  CYCLE_PHASE_MISMATCH: 409,
  CYCLE_BUSY: 409,
  CYCLE_CLOSED: 409,
};

/** A cycle request refused: `message` in Chinese, `code` for machines, `status` for the gateway. */
export class AnnualCycleError extends Error {
  override readonly name = 'AnnualCycleError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const handleOf = (client: HasWorkflowClient, region: string, fiscalYear: number): WorkflowHandle<typeof annualBudgetCycle> =>
  client.workflow.getHandle<typeof annualBudgetCycle>(annualCycleWorkflowId(region, fiscalYear));

/** Starts a region's year. A year already running (or finished) is refused with 409. */
export async function startAnnualCycle(client: HasWorkflowClient, input: AnnualCycleInput): Promise<WorkflowHandle<typeof annualBudgetCycle>> {
  if (input.startedBy?.role !== 'finance-admin') throw new AnnualCycleError('只有财政管理员可以启动年度工作', 'CYCLE_ROLE_FORBIDDEN', 403);
  if (input.calendar) {
    const problems = calendarProblems(input.fiscalYear, input.calendar);
    if (problems.length) throw new AnnualCycleError(`年度工作日程无效：${problems.join('；')}`, 'CYCLE_CALENDAR_INVALID', 422);
  }
  try {
    return await client.workflow.start<typeof annualBudgetCycle>('annualBudgetCycle', {
      taskQueue: ORCHESTRATOR_TASK_QUEUE,
      workflowId: annualCycleWorkflowId(input.region, input.fiscalYear),
      args: [input],
      // One cycle per region and year, ever: a failed one is restarted on purpose, not by accident.
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      typedSearchAttributes: [
        { key: REGION_ATTRIBUTE, value: input.region },
        { key: FISCAL_YEAR_ATTRIBUTE, value: input.fiscalYear },
        { key: CYCLE_PHASE_ATTRIBUTE, value: 'not-started' },
      ],
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      throw new AnnualCycleError(`${input.region}${input.fiscalYear}年度工作已启动`, 'CYCLE_ALREADY_STARTED', 409);
    }
    throw err;
  }
}

/** temporal.api.enums.v1.IndexedValueType's numbers. */
const INDEXED_VALUE_TYPE = { KEYWORD: 2, INT: 3 } as const;

/**
 * Registers the cycle's custom search attributes where the server allows it at run time (the
 * time-skipping test server; the dev server gets them from `--search-attribute` at start).
 */
export async function registerCycleSearchAttributes(
  connection: { operatorService: { addSearchAttributes(req: { namespace: string; searchAttributes: Record<string, number> }): Promise<unknown> } },
  namespace: string,
): Promise<void> {
  const searchAttributes = Object.fromEntries(
    [REGION_ATTRIBUTE, FISCAL_YEAR_ATTRIBUTE, CYCLE_PHASE_ATTRIBUTE].map((k) => [k.name, INDEXED_VALUE_TYPE[k.type as 'KEYWORD' | 'INT']]),
  );
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
}

/** The cycle as of `asOfMs` (default: this process's clock; a time-skipping test passes the server's). */
export async function describeAnnualCycle(client: HasWorkflowClient, region: string, fiscalYear: number, asOfMs = Date.now()): Promise<AnnualCycleStatus> {
  try {
    return await handleOf(client, region, fiscalYear).query(annualCycleQuery, asOfMs);
  } catch (err) {
    throw cycleError(err, region, fiscalYear);
  }
}

export async function extendCycleDeadline(client: HasWorkflowClient, region: string, fiscalYear: number, ext: DeadlineExtension): Promise<AnnualCycleStatus> {
  try {
    return await handleOf(client, region, fiscalYear).executeUpdate(extendDeadlineUpdate, { args: [ext] });
  } catch (err) {
    throw cycleError(err, region, fiscalYear);
  }
}

export async function advanceCyclePhase(client: HasWorkflowClient, region: string, fiscalYear: number, adv: PhaseAdvance): Promise<AnnualCycleStatus> {
  try {
    return await handleOf(client, region, fiscalYear).executeUpdate(advancePhaseUpdate, { args: [adv] });
  } catch (err) {
    throw cycleError(err, region, fiscalYear);
  }
}

/** For the stages' event bridges: the phase's work is done. */
export async function signalStageCompleted(client: HasWorkflowClient, region: string, fiscalYear: number, done: StageCompletion): Promise<void> {
  await handleOf(client, region, fiscalYear).signal(stageCompletedSignal, done);
}

function cycleError(err: unknown, region: string, fiscalYear: number): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const code = err.cause.type ?? 'CYCLE_REFUSED';
    return new AnnualCycleError(err.cause.message, code, CYCLE_REFUSAL_STATUS[code as CycleRefusalCode] ?? 422);
  }
  if (err instanceof WorkflowNotFoundError) {
    return new AnnualCycleError(`未找到${region}${fiscalYear}年度工作：请先启动该年度`, 'CYCLE_NOT_FOUND', 404);
  }
  return err;
}
