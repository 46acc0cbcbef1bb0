import { WorkingCalendar } from '../calendar';
import { MonitoringParameters } from '../parameters';
import { Actor, Command, Timestamp } from '../shared';
import { Warning } from '../warnings';
import { CorrectiveChoice, RestrictionMode } from './types';

type By = { actor: Actor; at: Timestamp };

/** Stream: `correctiveCase-<caseId>`. Opened by a red warning of a monitoring report. */
export type OpenCorrectiveCase = Command<
  'OpenCorrectiveCase',
  By & {
    caseId: string;
    projectId: string;
    unitId: string;
    fiscalYear: number;
    month: number;
    warning: Warning;
    parameters: MonitoringParameters;
    calendar: WorkingCalendar;
  }
>;

export type AnswerCorrectiveCase = Command<'AnswerCorrectiveCase', By & { choice: CorrectiveChoice; reasons: string }>;
export type RemindCorrectiveCase = Command<'RemindCorrectiveCase', By>;
export type EscalateCorrectiveCase = Command<'EscalateCorrectiveCase', By>;
/** 暂缓或停止拨款. */
export type RestrictAllocation = Command<'RestrictAllocation', By & { mode: RestrictionMode; reason: string }>;
export type LiftAllocationRestriction = Command<'LiftAllocationRestriction', By & { reason: string }>;

export type CorrectiveCaseCommand =
  | OpenCorrectiveCase
  | AnswerCorrectiveCase
  | RemindCorrectiveCase
  | EscalateCorrectiveCase
  | RestrictAllocation
  | LiftAllocationRestriction;
