import type { Direction, IndicatorKind, Level1, Level2, TargetValue } from './indicators';

/** 三级指标 as declared for one project (from the library or individual). */
export type DeclaredIndicator = Readonly<{
  /** Library id: required for common indicators (共性指标), optional for individual ones. */
  indicatorId?: string;
  name: string;
  level1: Level1;
  level2: Level2;
  kind: IndicatorKind;
  direction: Direction;
  unitOfMeasure?: string;
  /** 年度指标值: number for quantitative, text for qualitative. */
  annualTarget?: TargetValue;
  /** 实施期指标值: required for multi-year projects. */
  periodTarget?: TargetValue;
  /** 权重 (optional; where used, on every indicator, summing to 100). */
  weight?: number;
}>;

/** 年度主要任务 of a department-wide goal (部门整体绩效目标). */
export type KeyTask = Readonly<{ name: string; amount: number; description?: string }>;

/** 绩效目标表 content. */
export type GoalDeclaration = Readonly<{
  /** 总体目标 (annual) */
  overallGoal: string;
  /** 实施期总体目标, for multi-year projects. */
  periodOverallGoal?: string;
  indicators: readonly DeclaredIndicator[];
  /** Department-wide goals only. */
  keyTasks?: readonly KeyTask[];
}>;

/**
 * draft → submitted → (returned → submitted …) → approved | rejected;
 * approved → adjustment-requested → submitted → approved (or back to approved when refused).
 */
export const GOAL_STATUSES = ['unregistered', 'draft', 'submitted', 'returned', 'approved', 'rejected', 'adjustment-requested'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  unregistered: '未登记',
  draft: '草稿',
  submitted: '已提交审核',
  returned: '已退回修改',
  approved: '已批复',
  rejected: '不予通过',
  'adjustment-requested': '调整申请中',
};
