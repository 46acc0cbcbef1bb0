import { Command, Timestamp } from '@bpm/decider';
import { EvaluationParameters } from '../parameters';
import { Actor } from '../shared/actor';
import { SelfEvaluationOpened } from './events';
import { IndicatorActual, ShortfallReason } from './types';

type Acting = { actor: Actor; at: Timestamp; parameters: EvaluationParameters };

export type OpenSelfEvaluation = Command<'OpenSelfEvaluation', SelfEvaluationOpened['data'] & { actor: Actor }>;
export type FillSelfEvaluation = Command<
  'FillSelfEvaluation',
  Acting & { actuals: readonly IndicatorActual[]; reasons: readonly ShortfallReason[]; executionCorrection?: { executedFen: number; reason: string } }
>;
export type SubmitSelfEvaluation = Command<'SubmitSelfEvaluation', Acting>;
export type ReviewSelfEvaluation = Command<
  'ReviewSelfEvaluation',
  Acting & { decision: 'accept' | 'return'; comments?: string; /** The reviewer's own scores of qualitative indicators. */ qualitativeScores?: readonly { name: string; percentOfWeight: number }[] }
>;

export type SelfEvaluationCommand = OpenSelfEvaluation | FillSelfEvaluation | SubmitSelfEvaluation | ReviewSelfEvaluation;
