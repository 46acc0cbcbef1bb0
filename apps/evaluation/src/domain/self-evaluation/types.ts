import { QualitativeRating } from '../parameters';
import { Direction, Evidence, Level1 } from '../scoring';

// One definition of the directions (scoring's), so the domain index exports it once.
export type { Direction };

/** One indicator of the approved goal, with what monitoring last reported for it. */
export type PrefilledIndicator = Readonly<{
  name: string;
  level1: Level1;
  direction: Direction;
  weight?: number;
  /** Annual target (quantitative only). */
  target?: number;
  /** The last monitoring report's actual, when there is one. */
  monitoredActual?: number;
  evidence: readonly Evidence[];
}>;

/** The unit's answer for one indicator: the monitored figure confirmed, or corrected with a reason. */
export type IndicatorActual =
  | Readonly<{ name: string; kind: 'confirmed' }>
  | Readonly<{ name: string; kind: 'corrected'; actual: number; reason: string }>
  | Readonly<{ name: string; kind: 'qualitative'; rating: QualitativeRating; percentOfWeight: number }>;

export const REASON_NATURES = ['objective', 'subjective'] as const;
/** 客观原因 / 主观原因 */
export type ReasonNature = (typeof REASON_NATURES)[number];
export type ShortfallReason = Readonly<{ indicatorName: string; nature: ReasonNature; text: string }>;

/** A check no one had to ask for, shown on the reviewer's task and in the region-wide list. */
export type SelfEvaluationFlag =
  | Readonly<{ code: 'ACTUAL_DIFFERS_FROM_MONITORING'; indicatorName: string; monitored: number; declared: number; message: string }>
  | Readonly<{ code: 'EXECUTION_DIFFERS_FROM_DATA'; recordedFen: number; declaredFen: number; message: string }>
  | Readonly<{ code: 'ONLY_OBJECTIVE_REASONS'; shortfalls: number; message: string }>;

export type SelfEvaluationKind = 'project' | 'department';
