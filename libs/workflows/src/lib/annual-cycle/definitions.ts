import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AnnualCycleStatus, DeadlineExtension, PhaseAdvance, StageCompletion } from './types';

/**
 * The cycle now. `asOfMs`: the caller's clock, because a query sees the workflow's time of its
 * last step, which may be days ago while the cycle waits; what is late is judged by the later one.
 */
export const annualCycleQuery = defineQuery<AnnualCycleStatus, [asOfMs?: number]>('annualCycle');
/** A finance admin extends a phase's deadline; validated (role, reason, sane date), recorded with who and why. */
export const extendDeadlineUpdate = defineUpdate<AnnualCycleStatus, [DeadlineExtension]>('extendDeadline');
/** A finance admin ends the current phase by hand; validated, recorded with who and why. */
export const advancePhaseUpdate = defineUpdate<AnnualCycleStatus, [PhaseAdvance]>('advancePhase');
/** The stage's owner reports its work for the phase done (from the event bridge). */
export const stageCompletedSignal = defineSignal<[StageCompletion]>('stageCompleted');
