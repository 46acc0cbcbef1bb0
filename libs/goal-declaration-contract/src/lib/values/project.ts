export const BUDGET_TYPES = ['general-public', 'government-fund', 'state-capital', 'social-insurance'] as const;
/** 一般公共预算, 政府性基金预算, 国有资本经营预算, 社会保险基金预算 */
export type BudgetType = (typeof BUDGET_TYPES)[number];
export const BUDGET_TYPE_LABELS: Record<BudgetType, string> = {
  'general-public': '一般公共预算',
  'government-fund': '政府性基金预算',
  'state-capital': '国有资本经营预算',
  'social-insurance': '社会保险基金预算',
};

export const PROJECT_TYPES = [
  'ordinary',
  'department-wide',
  'government-purchase',
  'government-debt',
  'government-procurement',
  'policy',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];
export const PROJECT_TYPE_LABELS: Record<ProjectType, string> = {
  ordinary: '一般项目',
  'department-wide': '部门整体',
  'government-purchase': '政府购买服务',
  'government-debt': '政府债务',
  'government-procurement': '政府采购',
  policy: '政策',
};

/** 跨年度项目: the whole period (中长期) the project runs. */
export type MultiYearPeriod = Readonly<{ startYear: number; endYear: number }>;

/** 项目 (or, with projectType `department-wide`, a department's whole budget for the year). */
export type Project = Readonly<{
  projectId: string;
  name: string;
  unitId: string;
  region: string;
  fiscalYear: number;
  budget: BudgetType;
  projectType: ProjectType;
  /** yuan */
  amount: number;
  /** 新增项目 (true) or 延续项目 (false) */
  isNew: boolean;
  multiYear?: MultiYearPeriod;
  /** 重大项目 as flagged by the unit or finance. */
  major?: boolean;
  /** An expiring project (到期项目) proposed to continue: in scope for 事前绩效评估. */
  expiringProposedToContinue?: boolean;
}>;
