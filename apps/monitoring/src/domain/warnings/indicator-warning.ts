import { MonitoringParameters } from '../parameters';
import { Rational, absolute, compare, div, mul, percent, percentText, rational, sub } from '../shared/rational';
import { atLeastPercent, bandClause, bandOf, num } from './bands';
import { IndicatorActual, LIKELIHOOD_LABELS, Level, MonitoredIndicator, Signal } from './types';

type Params = Pick<MonitoringParameters, 'indicatorBands' | 'targetTooLowPercent'>;

const ONE: Rational = { n: 1n, d: 1n };
const ZERO: Rational = { n: 0n, d: 1n };

const withUnit = (value: Rational | number, i: MonitoredIndicator) => `${num(value)}${i.unitOfMeasure ?? ''}`;

/**
 * 指标进度预警 for one indicator and month, plus the 目标设定偏低 flag where it applies:
 * - `>=` cumulative: actual to date ÷ (annual target × month ÷ 12);
 * - `>=` latest (rates): latest value ÷ annual target;
 * - `<=`: on target while at or below it; above it, target ÷ latest value;
 * - `=`: 1 − |latest − target| ÷ target (a zero target is met only by zero);
 * - qualitative: follows the unit's likelihood (完全不可能 red, 有可能 yellow, 确定能 green).
 * Completion at or above the too-low percentage of a `>=` target flags the target as too low.
 */
export const assessIndicator = (indicator: MonitoredIndicator, actual: IndicatorActual, month: number, p: Params): Signal[] => {
  const subject = { kind: 'indicator', indicatorName: indicator.name } as const;
  if (indicator.direction === 'qualitative') {
    const level: Level = actual.likelihood === 'impossible' ? 'red' : actual.likelihood === 'possible' ? 'yellow' : 'green';
    return [
      {
        rule: 'indicator-qualitative',
        subject,
        level,
        figures: {},
        explanation: `定性指标“${indicator.name}”，单位判断完成可能性为“${LIKELIHOOD_LABELS[actual.likelihood]}”，${
          level === 'red' ? '按红色预警' : level === 'yellow' ? '按黄色预警' : '不预警'
        }`,
      },
    ];
  }
  const value = rational(actual.actual as number);
  const target = rational(indicator.annualTarget as number);
  const bands = p.indicatorBands;

  if (indicator.direction === '>=') {
    const cumulative = indicator.accumulation === 'cumulative';
    const expected = cumulative ? mul(target, { n: BigInt(month), d: 12n }) : target;
    const completion = compare(expected, ZERO) > 0 ? div(value, expected) : ONE;
    const level = bandOf(completion, bands);
    const basis = cumulative
      ? `累计完成${withUnit(value, indicator)}÷序时目标（年度目标${withUnit(target, indicator)}×${month}÷12=${withUnit(expected, indicator)}）`
      : `当前值${withUnit(value, indicator)}÷年度目标${withUnit(target, indicator)}`;
    const figures = {
      actual: actual.actual as number,
      annualTarget: indicator.annualTarget as number,
      expectedToDate: Number(num(expected)),
      completionPercent: percent(completion),
      redThresholdPercent: bands.red,
      yellowThresholdPercent: bands.yellow,
    };
    const signals: Signal[] = [
      {
        rule: cumulative ? 'indicator-prorated' : 'indicator-latest',
        subject,
        level,
        figures,
        explanation: `${basis}=${percentText(completion)}，${bandClause(level, bands)}`,
      },
    ];
    if (compare(expected, ZERO) > 0 && atLeastPercent(completion, p.targetTooLowPercent)) {
      signals.push({
        rule: 'target-too-low',
        subject,
        level: 'flag',
        figures: { ...figures, targetTooLowPercent: p.targetTooLowPercent },
        explanation: `${basis}=${percentText(completion)}，达到${p.targetTooLowPercent}%，目标设定偏低`,
      });
    }
    return signals;
  }

  if (indicator.direction === '<=') {
    const over = compare(value, target) > 0;
    const completion = over ? (compare(value, ZERO) > 0 ? div(target, value) : ZERO) : ONE;
    const level = bandOf(completion, bands);
    return [
      {
        rule: 'indicator-latest',
        subject,
        level,
        figures: { actual: actual.actual as number, annualTarget: indicator.annualTarget as number, completionPercent: percent(completion) },
        explanation: over
          ? `当前值${withUnit(value, indicator)}高于年度目标上限${withUnit(target, indicator)}，年度目标÷当前值=${percentText(completion)}，${bandClause(level, bands)}`
          : `当前值${withUnit(value, indicator)}未超过年度目标上限${withUnit(target, indicator)}，${bandClause(level, bands)}`,
      },
    ];
  }

  // '='
  const gap = absolute(sub(value, target));
  const completion =
    compare(target, ZERO) === 0 ? (compare(gap, ZERO) === 0 ? ONE : ZERO) : maxZero(sub(ONE, div(gap, absolute(target))));
  const level = bandOf(completion, bands);
  return [
    {
      rule: 'indicator-latest',
      subject,
      level,
      figures: { actual: actual.actual as number, annualTarget: indicator.annualTarget as number, completionPercent: percent(completion) },
      explanation: `当前值${withUnit(value, indicator)}与年度目标${withUnit(target, indicator)}相差${withUnit(gap, indicator)}，达标程度${percentText(completion)}，${bandClause(level, bands)}`,
    },
  ];
};

const maxZero = (r: Rational): Rational => (compare(r, ZERO) < 0 ? ZERO : r);
