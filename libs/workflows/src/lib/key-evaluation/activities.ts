import type { MilestoneNotice } from './types';

/** What the key-evaluation schedule asks of the world; implemented where the I/O lives. */
export interface KeyEvaluationActivities {
  /** 提醒: tells the agency a milestone is due soon. */
  remindMilestone(notice: MilestoneNotice): Promise<void>;
  /** 逾期: records that a milestone passed its due moment, for finance to follow up. */
  markMilestoneOverdue(notice: MilestoneNotice): Promise<void>;
}
