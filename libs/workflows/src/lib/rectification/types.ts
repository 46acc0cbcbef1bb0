/**
 * 整改跟踪: the clocks of one rectification case. Deadlines arrive as computed moments (ISO):
 * the result-application domain counts working or calendar days; workflow code has no calendar.
 */
export type RectificationCaseInput = Readonly<{
  caseId: string;
  unitId: string;
  projectId: string;
  /** The result notice is due by then (final result + 20 days). */
  noticeDueAt: string;
  /** A reminder this long before each deadline (0: none). */
  reminderMs: number;
}>;

export type RequirementProgress = Readonly<{
  requirementId: string;
  status: 'awaiting-answer' | 'awaiting-verification' | 'verified';
  dueAt: string;
  reminded: boolean;
  /** Ever late: counted against the unit even after a late answer. */
  overdue: boolean;
  escalated: boolean;
}>;

export type RectificationCase = Readonly<{
  caseId: string;
  unitId: string;
  status: 'awaiting-notice' | 'open' | 'closed';
  noticeDueAt: string;
  noticeReminded: boolean;
  noticeLate: boolean;
  requirements: readonly RequirementProgress[];
  overdueCount: number;
}>;

/** The notice was issued (from the service's RectificationIssued event). */
export type RectificationIssuedSignal = Readonly<{ requirementIds: readonly string[]; answerDueAt: string }>;

/** The `verifyMeasure` update's argument: one reviewer's verification of one requirement's measures. */
export type MeasureVerification = Readonly<{
  requirementId: string;
  decision: 'accept' | 'send-back';
  comments?: string;
  actor: Readonly<{ id: string; role: string }>;
  correlationId?: string;
}>;
/** What the service recorded: a send-back carries the new answer deadline it counted. */
export type MeasureVerificationResult = Readonly<{ answerDueAt?: string; closed: boolean; case: RectificationCase }>;

export type RectificationNotice = Readonly<{ caseId: string; unitId: string; projectId: string; requirementId?: string; dueAt: string }>;

export const rectificationWorkflowId = (caseId: string) => `rectification-${caseId}`;
