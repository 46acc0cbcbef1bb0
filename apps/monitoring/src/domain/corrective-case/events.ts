import { Event, Timestamp } from '../shared';
import { Warning } from '../warnings';
import { CorrectiveChoice, RestrictionMode } from './types';

type By = { by: string; at: Timestamp };

export type CorrectiveCaseOpened = Event<
  'CorrectiveCaseOpened',
  By & {
    caseId: string;
    projectId: string;
    unitId: string;
    fiscalYear: number;
    month: number;
    warning: Warning;
    answerWorkingDays: number;
    dueAt: Timestamp;
    remindAt?: Timestamp;
  }
>;
export type CorrectiveCaseAnswered = Event<'CorrectiveCaseAnswered', By & { choice: CorrectiveChoice; reasons: string; late: boolean }>;
export type CorrectiveCaseReminderSent = Event<'CorrectiveCaseReminderSent', By & { dueAt: Timestamp }>;
export type CorrectiveCaseEscalated = Event<'CorrectiveCaseEscalated', By & { dueAt: Timestamp }>;
export type AllocationRestricted = Event<'AllocationRestricted', By & { projectId: string; mode: RestrictionMode; reason: string }>;
export type AllocationRestrictionLifted = Event<'AllocationRestrictionLifted', By & { projectId: string; reason: string }>;

export type CorrectiveCaseEvent =
  | CorrectiveCaseOpened
  | CorrectiveCaseAnswered
  | CorrectiveCaseReminderSent
  | CorrectiveCaseEscalated
  | AllocationRestricted
  | AllocationRestrictionLifted;
