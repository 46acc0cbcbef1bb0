import { GoalSnapshot } from '../performance-goal/snapshot';
import { Actor, Command, Timestamp } from '../shared';
import { FundSource, UpperLevelGoalTable } from './types';

type By = { actor: Actor; at: Timestamp };

/** Stream: `supplementalFunding-<noticeId>`. 资金到位通知单, carrying the upper level's goal table. */
export type IssueFundNotice = Command<
  'IssueFundNotice',
  By & {
    noticeId: string;
    region: string;
    fiscalYear: number;
    /** 文号 */
    documentNo: string;
    fundName: string;
    source: FundSource;
    /** yuan */
    amount: number;
    upperLevelGoalTable: UpperLevelGoalTable;
    /** When listed, only these units may apply. */
    recipientUnitIds?: readonly string[];
  }
>;

/** A unit's application for funds under the notice: no goal table, no money. */
export type ApplyForSupplementalFunds = Command<
  'ApplyForSupplementalFunds',
  By & {
    noticeId: string;
    applicationId: string;
    projectId: string;
    /** yuan */
    amount: number;
    purpose: string;
    /** Snapshot of the project's goal stream (undefined when it has none). */
    goal: GoalSnapshot | undefined;
  }
>;

export type SupplementalFundingCommand = IssueFundNotice | ApplyForSupplementalFunds;
