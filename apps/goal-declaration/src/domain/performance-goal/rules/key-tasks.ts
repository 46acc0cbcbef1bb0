import { DomainError, isBlank, isFiniteNumber } from '../../shared';
import { DeclarationRule } from './context';

/** 部门整体绩效目标: key tasks (年度主要任务) with their funds, within the department's budget. */
export const departmentKeyTasks: DeclarationRule = ({ project, declaration }) => {
  const tasks = declaration.keyTasks ?? [];
  if (project.projectType === 'department-wide' && tasks.length === 0) {
    return [new DomainError('KEY_TASKS_REQUIRED', '部门整体绩效目标须填报“年度主要任务”', 'declaration.keyTasks')];
  }
  const perTask = tasks.flatMap((task, index) => {
    const field = `declaration.keyTasks[${index}]`;
    if (isBlank(task.name)) return [new DomainError('KEY_TASK_NAME_REQUIRED', `第${index + 1}项年度主要任务缺少任务名称`, `${field}.name`)];
    if (!isFiniteNumber(task.amount) || task.amount <= 0) {
      return [new DomainError('KEY_TASK_AMOUNT_INVALID', `年度主要任务“${task.name}”的预算金额应为大于0的数值（元）`, `${field}.amount`)];
    }
    return [];
  });
  if (perTask.length > 0) return perTask;
  const total = tasks.reduce((sum, t) => sum + t.amount, 0);
  return total > project.amount
    ? [
        new DomainError(
          'KEY_TASKS_EXCEED_BUDGET',
          `年度主要任务金额合计${total}元超过预算金额${project.amount}元`,
          'declaration.keyTasks',
        ),
      ]
    : [];
};
