import { Command, Timestamp } from '@bpm/decider';
import { ResultApplicationParameters } from '../parameters';
import { Actor } from '../shared/actor';
import { HolidayCalendar } from '../shared/calendar';
import { EvaluationSource, RectificationNoticeKind, Requirement } from './events';

type Acting = { actor: Actor; at: Timestamp };
/** Deadlines are counted by the domain; the calendar of the region travels in the command. */
type Counting = { parameters: ResultApplicationParameters; calendar: HolidayCalendar };

export type IssueRectification = Command<'IssueRectification', Acting & Counting & { caseId: string; source: EvaluationSource; requirements: readonly Requirement[] }>;
export type AnswerRequirement = Command<'AnswerRequirement', Acting & { requirementId: string; measures: readonly string[] }>;
export type VerifyMeasure = Command<
  'VerifyMeasure',
  Acting & Counting & { requirementId: string; decision: 'accept' | 'send-back'; comments?: string }
>;
export type MarkRequirementOverdue = Command<'MarkRequirementOverdue', Acting & { requirementId: string }>;

export type RecordRectificationNotice = Command<'RecordRectificationNotice', Acting & { kind: RectificationNoticeKind; requirementId?: string; dueAt: Timestamp }>;

export type RectificationCommand = IssueRectification | AnswerRequirement | VerifyMeasure | MarkRequirementOverdue | RecordRectificationNotice;
