import type { GoalDeclaration } from '../values/goal-declaration';
import type { FundSource, UpperLevelGoalTable } from '../values/supplemental-funding';
import type { By, Event } from './event';

/** Stream `supplementalFunding-<noticeId>`: a 追加资金 notice and the units' applications. */
export const SUPPLEMENTAL_FUNDING_CATEGORY = 'supplementalFunding';
export const supplementalFundingStreamId = (noticeId: string): string => `${SUPPLEMENTAL_FUNDING_CATEGORY}-${noticeId}`;

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

export const SUPPLEMENTAL_FUNDING_EVENT_SCHEMAS = {
  FundNoticeIssued: 1,
  SupplementalFundsApplied: 1,
} as const satisfies Record<SupplementalFundingEvent['type'], number>;
