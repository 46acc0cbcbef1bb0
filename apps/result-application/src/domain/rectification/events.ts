import { Event, Timestamp } from '@bpm/decider';

/** Where the case comes from: a final self-evaluation or key evaluation (evaluation's events). */
export type EvaluationSource = Readonly<{
  kind: 'self-evaluation' | 'key-evaluation';
  evaluationId: string;
  projectId: string;
  unitId: string;
  fiscalYear: number;
  grade: 'excellent' | 'good' | 'fair' | 'poor';
  /** When the result became final. */
  finalAt: Timestamp;
}>;
export type Requirement = Readonly<{ requirementId: string; text: string }>;

type By = { by: string; at: Timestamp };

export type RectificationIssued = Event<
  'RectificationIssued',
  By & {
    caseId: string;
    source: EvaluationSource;
    requirements: readonly Requirement[];
    /** The notice was due by then (result + 20 days); issued later counts against finance, not the unit. */
    noticeDueAt: Timestamp;
    noticeLate: boolean;
    /** Each requirement's answer is due by then (notice + 30 days). */
    answerDueAt: Timestamp;
  }
>;
export type MeasuresAnswered = Event<'MeasuresAnswered', By & { requirementId: string; measures: readonly string[]; late: boolean }>;
export type MeasureAccepted = Event<'MeasureAccepted', By & { requirementId: string }>;
export type MeasureSentBack = Event<'MeasureSentBack', By & { requirementId: string; comments: string; answerDueAt: Timestamp }>;
/** The answer deadline passed without an answer: counted against the unit, escalated to the finance admin. */
export type RequirementOverdue = Event<'RequirementOverdue', { requirementId: string; unitId: string; dueAt: Timestamp; at: Timestamp }>;
/** 提醒 / 督办 as the workflow sent them: on record for the unit's history and the auditor. */
export type RectificationNoticeKind = 'notice-reminder' | 'answer-reminder' | 'escalated';
export type RectificationNoticeSent = Event<'RectificationNoticeSent', { kind: RectificationNoticeKind; requirementId?: string; dueAt: Timestamp; at: Timestamp }>;
export type RectificationClosed = Event<'RectificationClosed', { at: Timestamp; overdueCount: number }>;

export type RectificationEvent = RectificationIssued | MeasuresAnswered | MeasureAccepted | MeasureSentBack | RequirementOverdue | RectificationNoticeSent | RectificationClosed;
