import { Timestamp } from '@bpm/decider';
import { EvaluationSource } from './events';

/** One requirement is in exactly one of these cases. */
export type RequirementState = Readonly<{
  requirementId: string;
  text: string;
  dueAt: Timestamp;
  /** Ever overdue stays counted, even after a late answer. */
  overdue: boolean;
  /** The finance admin was told the unit is late (督办). */
  escalated?: boolean;
}> &
  (
    | Readonly<{ status: 'awaiting-answer'; lastComments?: string }>
    | Readonly<{ status: 'awaiting-verification'; measures: readonly string[]; answeredAt: Timestamp; late: boolean }>
    | Readonly<{ status: 'verified'; measures: readonly string[]; verifiedAt: Timestamp; verifiedBy: string }>
  );

type Common = Readonly<{ caseId: string; source: EvaluationSource; issuedAt: Timestamp; noticeLate: boolean; requirements: readonly RequirementState[] }>;

export type RectificationState =
  | Readonly<{ status: 'none' }>
  | (Common & Readonly<{ status: 'open' }>)
  | (Common & Readonly<{ status: 'closed'; closedAt: Timestamp }>);

export const initialRectificationState = (): RectificationState => ({ status: 'none' });

export const overdueCount = (requirements: readonly RequirementState[]) => requirements.filter((r) => r.overdue).length;
