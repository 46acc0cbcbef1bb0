import type { MeasureVerification, RectificationNotice } from './types';

/** What a rectification case asks of the world; implemented in result-application. */
export interface RectificationActivities {
  /** 提醒 finance: the result notice is due soon. */
  remindNotice(notice: RectificationNotice): Promise<void>;
  /** 提醒 the unit: a requirement's answer is due soon. */
  remindAnswer(notice: RectificationNotice): Promise<void>;
  /** 逾期: records the requirement overdue against the unit (domain MarkRequirementOverdue). */
  markRequirementOverdue(notice: RectificationNotice): Promise<void>;
  /** 督办: tells the finance admin that the unit is late. */
  escalateToFinanceAdmin(notice: RectificationNotice): Promise<void>;
  /** Records the verification through the domain; refuses what the domain refuses. */
  recordVerification(input: MeasureVerification & { caseId: string }): Promise<{ answerDueAt?: string; closed: boolean }>;
}
