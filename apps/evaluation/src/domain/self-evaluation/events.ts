import { Event, Timestamp } from '@bpm/decider';
import { Grade, ScoreDerivation, Evidence } from '../scoring';
import { IndicatorActual, PrefilledIndicator, SelfEvaluationFlag, SelfEvaluationKind, ShortfallReason } from './types';

type By = { by: string; at: Timestamp };

export type SelfEvaluationOpened = Event<
  'SelfEvaluationOpened',
  {
    projectId: string;
    unitId: string;
    fiscalYear: number;
    kind: SelfEvaluationKind;
    budgetFen: number;
    /** Paid to date from the execution data: filled in, never typed. */
    executedFen: number;
    executionEvidence: readonly Evidence[];
    indicators: readonly PrefilledIndicator[];
    at: Timestamp;
  }
>;
export type SelfEvaluationFilled = Event<
  'SelfEvaluationFilled',
  By & {
    actuals: readonly IndicatorActual[];
    reasons: readonly ShortfallReason[];
    /** A correction of the executed amount, kept beside the recorded figure. */
    executionCorrection?: { executedFen: number; reason: string };
  }
>;
export type SelfEvaluationSubmitted = Event<
  'SelfEvaluationSubmitted',
  By & { round: number; total: number; grade: Grade; derivation: ScoreDerivation; flags: readonly SelfEvaluationFlag[] }
>;
export type SelfEvaluationReturned = Event<'SelfEvaluationReturned', By & { round: number; comments: string }>;
/** The result other contexts act on (result-application): whose, which year, the score and grade. */
export type SelfEvaluationAccepted = Event<
  'SelfEvaluationAccepted',
  By & { projectId: string; unitId: string; fiscalYear: number; kind: SelfEvaluationKind; round: number; total: number; grade: Grade; derivation: ScoreDerivation }
>;

export type SelfEvaluationEvent =
  | SelfEvaluationOpened
  | SelfEvaluationFilled
  | SelfEvaluationSubmitted
  | SelfEvaluationReturned
  | SelfEvaluationAccepted;
