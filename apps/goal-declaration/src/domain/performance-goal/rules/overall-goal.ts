import { DomainError, isBlank } from '../../shared';
import { DeclarationRule } from './context';

/** 总体目标 must be written. */
export const overallGoalRequired: DeclarationRule = ({ declaration }) =>
  isBlank(declaration.overallGoal)
    ? [new DomainError('OVERALL_GOAL_REQUIRED', '绩效目标表缺少“总体目标”', 'declaration.overallGoal')]
    : [];
