/**
 * What the cycle itself decides: whether a finance admin's extension or manual advance is
 * accepted (the update validators), and what is late. Pure: part of the workflow bundle.
 */
import { PHASE_NAMES } from './calendar';
import { CYCLE_PHASES, type ActivePhase, type CycleState, type DeadlineExtension, type LateItem, type PhaseAdvance } from './types';

export type CycleRefusalCode =
  | 'CYCLE_ROLE_FORBIDDEN'
  | 'CYCLE_REASON_REQUIRED'
  | 'CYCLE_PHASE_UNKNOWN'
  | 'CYCLE_DEADLINE_INVALID'
  | 'CYCLE_PHASE_PASSED'
  | 'CYCLE_PHASE_MISMATCH'
  | 'CYCLE_BUSY'
  | 'CYCLE_CLOSED';

export type CycleRefusal = Readonly<{ code: CycleRefusalCode; message: string }>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A reason is read by auditors: long enough to say something, short enough to read. */
const MAX_REASON = 500;
/** An extension past a year is a new calendar, not an extension. */
const MAX_EXTENSION_MS = 366 * DAY_MS;

const isBlank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
const indexOf = (phase: unknown): number => CYCLE_PHASES.indexOf(phase as ActivePhase);

function refuseActor(input: { actor?: { id?: unknown; role?: unknown }; reason?: unknown }): CycleRefusal | undefined {
  if (input?.actor?.role !== 'finance-admin' || isBlank(input.actor.id)) {
    return { code: 'CYCLE_ROLE_FORBIDDEN', message: '只有财政管理员可以调整年度工作日程' };
  }
  if (isBlank(input.reason)) return { code: 'CYCLE_REASON_REQUIRED', message: '请填写调整原因' };
  if ((input.reason as string).length > MAX_REASON) return { code: 'CYCLE_REASON_REQUIRED', message: `调整原因不得超过${MAX_REASON}字` };
  return undefined;
}

/** A deadline may move later, for the current phase or one still ahead, and never past the next phase's deadline. */
export function refuseExtension(state: CycleState, ext: DeadlineExtension, nowMs: number): CycleRefusal | undefined {
  const actor = refuseActor(ext);
  if (actor) return actor;
  const i = indexOf(ext.phase);
  if (i < 0) return { code: 'CYCLE_PHASE_UNKNOWN', message: `未知的阶段“${String(ext.phase)}”` };
  if (state.phase === 'closed') return { code: 'CYCLE_CLOSED', message: '本年度工作已结束，不能再延期' };
  const current = indexOf(state.phase);
  if (current > i) return { code: 'CYCLE_PHASE_PASSED', message: `“${PHASE_NAMES[ext.phase]}”阶段已结束，不能延期` };
  const name = PHASE_NAMES[ext.phase];
  const at = typeof ext.newDeadline === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(ext.newDeadline) ? Date.parse(ext.newDeadline) : NaN;
  if (Number.isNaN(at)) return { code: 'CYCLE_DEADLINE_INVALID', message: `新的截止时间“${String(ext.newDeadline)}”不是有效时间` };
  const old = Date.parse(state.calendar.deadlines[ext.phase]);
  if (at <= old) return { code: 'CYCLE_DEADLINE_INVALID', message: `新的截止时间应晚于原截止时间（${state.calendar.deadlines[ext.phase]}）` };
  if (at <= nowMs) return { code: 'CYCLE_DEADLINE_INVALID', message: '新的截止时间应晚于当前时间' };
  if (at - old > MAX_EXTENSION_MS) return { code: 'CYCLE_DEADLINE_INVALID', message: '一次延期不得超过一年' };
  const next = CYCLE_PHASES[i + 1];
  if (next && at >= Date.parse(state.calendar.deadlines[next])) {
    return { code: 'CYCLE_DEADLINE_INVALID', message: `“${name}”的截止时间不得晚于下一阶段“${PHASE_NAMES[next]}”的截止时间，请先调整下一阶段` };
  }
  return undefined;
}

/** A manual advance names the phase it ends, so two admins acting at once do not skip two phases. */
export function refuseAdvance(state: CycleState, adv: PhaseAdvance, advancing = false): CycleRefusal | undefined {
  const actor = refuseActor(adv);
  if (actor) return actor;
  if (advancing) return { code: 'CYCLE_BUSY', message: '另一项阶段推进正在处理，请稍后刷新查看' };
  if (indexOf(adv.fromPhase) < 0) return { code: 'CYCLE_PHASE_UNKNOWN', message: `未知的阶段“${String(adv.fromPhase)}”` };
  if (state.phase === 'closed') return { code: 'CYCLE_CLOSED', message: '本年度工作已结束' };
  if (state.phase !== adv.fromPhase) {
    return { code: 'CYCLE_PHASE_MISMATCH', message: `当前阶段是“${PHASE_NAMES[state.phase]}”，不是“${PHASE_NAMES[adv.fromPhase]}”，请刷新后再试` };
  }
  return undefined;
}

/** The current phase once its deadline has passed while it waits for its stage to finish. */
export function lateItems(state: CycleState, nowMs: number): LateItem[] {
  if (indexOf(state.phase) < 0) return [];
  const phase = state.phase as ActivePhase;
  const deadline = state.calendar.deadlines[phase];
  const past = nowMs - Date.parse(deadline);
  return past > 0 ? [{ phase, deadline, daysLate: Math.floor(past / DAY_MS) }] : [];
}

export const nextPhase = (phase: ActivePhase): ActivePhase | 'closed' => CYCLE_PHASES[indexOf(phase) + 1] ?? 'closed';
