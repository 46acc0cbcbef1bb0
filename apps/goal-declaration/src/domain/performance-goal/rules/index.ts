import { DomainError } from '../../shared';
import { DeclarationContext, DeclarationRule } from './context';
import {
  indicatorDirectionKnown,
  indicatorKindKnown,
  indicatorLevelsValid,
  indicatorNameRequired,
  indicatorNamesUnique,
  indicatorsRequired,
} from './indicator-fields';
import { departmentKeyTasks } from './key-tasks';
import { level1Covered } from './level1-coverage';
import { indicatorsMatchLibrary } from './library-match';
import { overallGoalRequired } from './overall-goal';
import { annualTargetPresent, periodTargetPresentForMultiYear, quantitativeHasUnit, targetsPlausible } from './targets';
import { weightsConsistent } from './weights';

export * from './context';
export {
  overallGoalRequired,
  indicatorsRequired,
  indicatorNameRequired,
  indicatorNamesUnique,
  indicatorKindKnown,
  indicatorDirectionKnown,
  indicatorLevelsValid,
  indicatorsMatchLibrary,
  level1Covered,
  quantitativeHasUnit,
  annualTargetPresent,
  periodTargetPresentForMultiYear,
  targetsPlausible,
  weightsConsistent,
  departmentKeyTasks,
};

/** In order: the first violation is what the decider throws. */
export const DECLARATION_RULES: readonly DeclarationRule[] = [
  overallGoalRequired,
  indicatorsRequired,
  indicatorNameRequired,
  indicatorNamesUnique,
  indicatorKindKnown,
  indicatorDirectionKnown,
  indicatorLevelsValid,
  indicatorsMatchLibrary,
  quantitativeHasUnit,
  annualTargetPresent,
  periodTargetPresentForMultiYear,
  targetsPlausible,
  weightsConsistent,
  level1Covered,
  departmentKeyTasks,
];

/** Every problem of a goal table, for a form to show at once; `decide` throws the first. */
export const validateDeclaration = (ctx: DeclarationContext): DomainError[] =>
  DECLARATION_RULES.flatMap((rule) => rule(ctx));
