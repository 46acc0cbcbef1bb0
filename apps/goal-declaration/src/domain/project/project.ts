import { BUDGET_TYPES, PROJECT_TYPES, type Project } from '@bpm/goal-declaration-contract';
import { DomainError, DomainErrorCode, isBlank, isFiniteNumber } from '../shared';

export {
  BUDGET_TYPES,
  BUDGET_TYPE_LABELS,
  PROJECT_TYPES,
  PROJECT_TYPE_LABELS,
  type BudgetType,
  type MultiYearPeriod,
  type Project,
  type ProjectType,
} from '@bpm/goal-declaration-contract';

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
