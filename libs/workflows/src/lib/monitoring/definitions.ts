import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CorrectiveAnswer, CorrectiveAnswerResult, CorrectiveFollowUp, FinanceDecision, MonthlyCycleStatus } from './types';

/** The unit's answer (继续 / 调剂 / 取消); validated (role, own unit, case still open) before it is accepted. */
export const answerCorrectiveUpdate = defineUpdate<CorrectiveAnswerResult, [CorrectiveAnswer]>('answer');
/** Finance suspended or stopped the project's allocation (from the monitoring event bridge). */
export const financeDecidedSignal = defineSignal<[FinanceDecision]>('financeDecided');
export const correctiveCaseQuery = defineQuery<CorrectiveFollowUp>('correctiveCase');

export const monthlyCycleQuery = defineQuery<MonthlyCycleStatus>('monthlyCycle');
