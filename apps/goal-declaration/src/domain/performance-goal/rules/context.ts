import { IndicatorLookup } from '../../indicator-library/types';
import { GoalDeclarationParameters } from '../../parameters';
import { Project } from '../../project';
import { DeclaredIndicator, GoalDeclaration } from '../types';
import { DomainError, isBlank } from '../../shared';

export type DeclarationContext = Readonly<{
  project: Project;
  declaration: GoalDeclaration;
  library: IndicatorLookup;
  parameters: GoalDeclarationParameters;
}>;

/** One rule: all its violations, each naming the field in Chinese. */
export type DeclarationRule = (ctx: DeclarationContext) => DomainError[];

export const indicatorField = (index: number, field?: keyof DeclaredIndicator): string =>
  `declaration.indicators[${index}]${field ? `.${field}` : ''}`;

/** `指标“受益人数”` or `第3个指标` when the name is missing. */
export const indicatorLabel = (indicator: DeclaredIndicator, index: number): string =>
  isBlank(indicator.name) ? `第${index + 1}个指标` : `指标“${indicator.name}”`;

/** Runs a per-indicator check over all indicators. */
export const eachIndicator =
  (check: (indicator: DeclaredIndicator, index: number, ctx: DeclarationContext) => DomainError[]): DeclarationRule =>
  (ctx) =>
    ctx.declaration.indicators.flatMap((indicator, index) => check(indicator, index, ctx));
