/** 工作方案 → 现场评价 → 报告初稿 → 财政审核 → 正式报告: the milestones of a key evaluation. */
export const KEY_EVALUATION_MILESTONES = ['work-plan', 'fieldwork', 'draft-report', 'finance-review', 'final-report'] as const;
export type KeyEvaluationMilestone = (typeof KEY_EVALUATION_MILESTONES)[number];

export type KeyEvaluationScheduleInput = Readonly<{
  projectId: string;
  fiscalYear: number;
  agencyId: string;
  /** Due moment of each milestone (ISO), computed by the caller in working days: workflow code has no calendar. */
  dueAt: Readonly<Record<KeyEvaluationMilestone, string>>;
  /** A reminder this long before each due moment (0: none). */
  reminderMs: number;
}>;

export type MilestoneProgress = Readonly<{ milestone: KeyEvaluationMilestone; dueAt: string; reachedAt?: string; reminded: boolean; overdue: boolean }>;
export type KeyEvaluationSchedule = Readonly<{ projectId: string; current?: KeyEvaluationMilestone; milestones: readonly MilestoneProgress[] }>;

export type MilestoneNotice = Readonly<{ projectId: string; fiscalYear: number; agencyId: string; milestone: KeyEvaluationMilestone; dueAt: string }>;

export const keyEvaluationWorkflowId = (projectId: string) => `key-evaluation-${projectId}`;
