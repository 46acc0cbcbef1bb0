import { GoalDeclaration } from '../performance-goal/types';
import { Event, Timestamp } from '../shared';
import { FundSource, UpperLevelGoalTable } from './types';

type By = { by: string; at: Timestamp };

export type FundNoticeIssued = Event<
  'FundNoticeIssued',
  By & {
    noticeId: string;
    region: string;
    fiscalYear: number;
    documentNo: string;
    fundName: string;
    source: FundSource;
    amount: number;
    upperLevelGoalTable: UpperLevelGoalTable;
    recipientUnitIds?: readonly string[];
  }
>;

export type SupplementalFundsApplied = Event<
  'SupplementalFundsApplied',
  By & {
    noticeId: string;
    applicationId: string;
    projectId: string;
    unitId: string;
    amount: number;
    purpose: string;
    /** The approved goal table the application carries. */
    goalVersion: number;
    goalTable: GoalDeclaration;
  }
>;

export type SupplementalFundingEvent = FundNoticeIssued | SupplementalFundsApplied;
