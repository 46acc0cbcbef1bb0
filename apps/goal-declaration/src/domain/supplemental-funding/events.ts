/** Published events: their one definition is goal-declaration's contract. */
export type { FundNoticeIssued, SupplementalFundingEvent, SupplementalFundsApplied } from '@bpm/goal-declaration-contract';
