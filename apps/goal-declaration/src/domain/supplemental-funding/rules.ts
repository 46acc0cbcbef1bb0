import { GoalSnapshot } from '../performance-goal/snapshot';
import { DomainError, isBlank, isFiniteNumber } from '../shared';
import { UpperLevelGoalTable } from './types';

/** The notice carries the upper level's goal table: an overall goal and indicators with targets. */
export const upperLevelGoalTableComplete = (table: UpperLevelGoalTable | undefined): DomainError[] => {
  if (!table || isBlank(table.overallGoal) || table.indicators.length === 0) {
    return [
      new DomainError(
        'UPPER_GOAL_TABLE_REQUIRED',
        '资金到位通知单须附上级下达的绩效目标表（总体目标及绩效指标）',
        'upperLevelGoalTable',
      ),
    ];
  }
  return table.indicators.flatMap((indicator, index) => {
    const field = `upperLevelGoalTable.indicators[${index}]`;
    if (isBlank(indicator.name)) {
      return [new DomainError('UPPER_GOAL_INDICATOR_INCOMPLETE', `上级绩效目标表第${index + 1}个指标缺少指标名称`, `${field}.name`)];
    }
    const target = indicator.target;
    if (target === undefined || target === null || (typeof target === 'string' && isBlank(target))) {
      return [new DomainError('UPPER_GOAL_INDICATOR_INCOMPLETE', `上级绩效目标表中指标“${indicator.name}”缺少目标值`, `${field}.target`)];
    }
    return [];
  });
};

export const positiveAmount = (amount: number, label: string): DomainError[] =>
  isFiniteNumber(amount) && amount > 0
    ? []
    : [new DomainError('AMOUNT_INVALID', `${label}应为大于0的数值（元），当前为“${amount}”`, 'amount')];

/**
 * No goals, no money: the application carries an approved goal table of this
 * project, of this unit and year.
 */
export const approvedGoalTableCarried = (
  goal: GoalSnapshot | undefined,
  expected: { projectId: string; unitId: string; fiscalYear: number },
): DomainError[] => {
  if (!goal) {
    return [
      new DomainError('GOAL_TABLE_REQUIRED', `追加资金申请须附项目“${expected.projectId}”经批复的绩效目标表`, 'goal'),
    ];
  }
  if (goal.projectId !== expected.projectId) {
    return [
      new DomainError('GOAL_PROJECT_MISMATCH', `所附绩效目标表属于项目“${goal.projectId}”，不是申请的项目“${expected.projectId}”`, 'goal.projectId'),
    ];
  }
  if (goal.unitId !== expected.unitId) {
    return [new DomainError('NOT_OWNING_UNIT', `项目“${goal.projectId}”不属于本单位，不能申请追加资金`, 'goal.unitId')];
  }
  if (goal.fiscalYear !== expected.fiscalYear) {
    return [
      new DomainError('GOAL_FISCAL_YEAR_MISMATCH', `所附绩效目标表为${goal.fiscalYear}年度，资金通知为${expected.fiscalYear}年度`, 'goal.fiscalYear'),
    ];
  }
  if (!goal.approved) {
    return [
      new DomainError('GOAL_NOT_APPROVED', `项目“${goal.projectId}”的绩效目标尚未批复，不能申请追加资金`, 'goal.status'),
    ];
  }
  return [];
};
