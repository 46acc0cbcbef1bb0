import { Event, Timestamp } from '../shared';
import { ExAnteConclusion } from './conclusion';
import { ScoredDimension } from './dimensions';
import { ConclusionThresholds } from './scoring';

type By = { by: string; at: Timestamp };

export type ExAnteAssessmentStarted = Event<
  'ExAnteAssessmentStarted',
  By & {
    assessmentId: string;
    projectId: string;
    projectName: string;
    unitId: string;
    /** Whether the rules require it (else it is voluntary). */
    required: boolean;
    assessorId?: string;
    /** The parameters in force at the start, used to score it. */
    dimensionMaxScore: number;
    conclusionThresholds: ConclusionThresholds;
  }
>;

export type ExAnteAssessmentCompleted = Event<
  'ExAnteAssessmentCompleted',
  By & {
    assessmentId: string;
    projectId: string;
    dimensions: readonly ScoredDimension[];
    totalScore: number;
    /** On the 100-point scale the conclusion bands use. */
    normalisedScore: number;
    conclusion: ExAnteConclusion;
    opinion: string;
  }
>;

export type ExAnteAssessmentEvent = ExAnteAssessmentStarted | ExAnteAssessmentCompleted;
