import { DomainError, DomainErrorCode, isBlank, isFiniteNumber } from '../shared';

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

export const isMultiYear = (project: Project): boolean => project.multiYear !== undefined;

const err = (code: DomainErrorCode, message: string, field: string) => new DomainError(code, message, `project.${field}`);

/** All violations of a project registration. */
export const projectRules = (p: Project): DomainError[] => {
  const problems: DomainError[] = [];
  if (isBlank(p.projectId)) problems.push(err('PROJECT_ID_REQUIRED', '项目缺少项目编码', 'projectId'));
  if (isBlank(p.name)) problems.push(err('PROJECT_NAME_REQUIRED', `项目“${p.projectId}”缺少项目名称`, 'name'));
  if (isBlank(p.unitId)) problems.push(err('UNIT_REQUIRED', `项目“${p.name}”缺少预算单位`, 'unitId'));
  if (isBlank(p.region)) problems.push(err('REGION_REQUIRED', `项目“${p.name}”缺少区划`, 'region'));
  if (!Number.isInteger(p.fiscalYear)) {
    problems.push(err('FISCAL_YEAR_INVALID', `项目“${p.name}”的预算年度“${p.fiscalYear}”无效`, 'fiscalYear'));
  }
  if (!(BUDGET_TYPES as readonly string[]).includes(p.budget)) {
    problems.push(err('BUDGET_TYPE_INVALID', `项目“${p.name}”的预算类型“${p.budget}”无效，应为四本预算之一`, 'budget'));
  }
  if (!(PROJECT_TYPES as readonly string[]).includes(p.projectType)) {
    problems.push(err('PROJECT_TYPE_INVALID', `项目“${p.name}”的项目类型“${p.projectType}”无效`, 'projectType'));
  }
  if (!isFiniteNumber(p.amount) || p.amount <= 0) {
    problems.push(err('AMOUNT_INVALID', `项目“${p.name}”的预算金额应为大于0的数值（元），当前为“${p.amount}”`, 'amount'));
  }
  if (p.multiYear) {
    const { startYear, endYear } = p.multiYear;
    if (!(Number.isInteger(startYear) && Number.isInteger(endYear) && startYear < endYear)) {
      problems.push(err('PERIOD_INVALID', `项目“${p.name}”的实施期“${startYear}—${endYear}”无效：起始年度应早于结束年度`, 'multiYear'));
    } else if (p.fiscalYear < startYear || p.fiscalYear > endYear) {
      problems.push(
        err('PERIOD_INVALID', `项目“${p.name}”的预算年度${p.fiscalYear}不在实施期“${startYear}—${endYear}”内`, 'multiYear'),
      );
    }
  }
  if (p.isNew && p.expiringProposedToContinue) {
    problems.push(
      err('CONTINUATION_CONFLICT', `项目“${p.name}”不能既是新增项目又是到期申请延续的项目`, 'expiringProposedToContinue'),
    );
  }
  return problems;
};
