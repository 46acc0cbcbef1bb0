import type { ConclusionThresholds, ExAnteConclusion, ScoredDimension } from '../values/ex-ante';
import type { By, Event } from './event';

/** Stream `exAnteAssessment-<projectId>`: a project's 事前绩效评估. */
export const EX_ANTE_ASSESSMENT_CATEGORY = 'exAnteAssessment';
export const exAnteAssessmentStreamId = (assessmentId: string): string => `${EX_ANTE_ASSESSMENT_CATEGORY}-${assessmentId}`;

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

export const EX_ANTE_ASSESSMENT_EVENT_SCHEMAS = {
  ExAnteAssessmentStarted: 1,
  ExAnteAssessmentCompleted: 1,
} as const satisfies Record<ExAnteAssessmentEvent['type'], number>;
