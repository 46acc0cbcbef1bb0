import { ExecutionFigures } from '../execution';
import { MonitoringParameters } from '../parameters';
import { assessExecution } from './execution-warning';
import { assessIndicator } from './indicator-warning';
import { IndicatorActual, MonitoredIndicator, Signal, Warning, isWarning } from './types';

export type MonthAssessment = Readonly<{
  /** Every rule's finding, green included (the timeline shows progress, not only trouble). */
  signals: readonly Signal[];
  /** The ones that ask for attention: red, yellow, target-too-low. */
  warnings: readonly Warning[];
}>;

/**
 * The month's signals for one project: execution (when figures were imported) and each
 * indicator the unit reported. Indicators without a reported actual are not judged.
 */
export const assessMonth = (input: {
  month: number;
  execution?: ExecutionFigures;
  indicators: readonly MonitoredIndicator[];
  actuals: readonly IndicatorActual[];
  parameters: MonitoringParameters;
}): MonthAssessment => {
  const signals: Signal[] = [];
  if (input.execution) signals.push(assessExecution(input.execution, input.parameters));
  for (const indicator of input.indicators) {
    const actual = input.actuals.find((a) => a.indicatorName === indicator.name);
    if (actual) signals.push(...assessIndicator(indicator, actual, input.month, input.parameters));
  }
  return { signals, warnings: signals.filter(isWarning) };
};

/** The red warnings (each opens a corrective case). */
export const redWarnings = (assessment: MonthAssessment): Warning[] => assessment.warnings.filter((w) => w.level === 'red');
