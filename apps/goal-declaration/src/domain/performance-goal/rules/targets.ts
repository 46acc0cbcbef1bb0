import { DomainError, TargetValue, isBlank, isDirection, isFiniteNumber, isPercentUnit, isQuantitative } from '../../shared';
import { DeclaredIndicator } from '../types';
import { eachIndicator, indicatorField, indicatorLabel } from './context';

type TargetField = 'annualTarget' | 'periodTarget';
const TARGET_LABELS: Record<TargetField, string> = { annualTarget: '目标值', periodTarget: '实施期目标值' };

const quantitative = (i: DeclaredIndicator): boolean => isDirection(i.direction) && isQuantitative(i.direction);

/** Present; a number for quantitative indicators, text for qualitative ones. */
const targetPresent = (i: DeclaredIndicator, index: number, field: TargetField): DomainError[] => {
  const value: TargetValue | undefined = i[field];
  const label = indicatorLabel(i, index);
  if (value === undefined || value === null || (typeof value === 'string' && isBlank(value))) {
    return [new DomainError('TARGET_REQUIRED', `${label}缺少${TARGET_LABELS[field]}`, indicatorField(index, field))];
  }
  if (quantitative(i) && !isFiniteNumber(value)) {
    return [
      new DomainError('TARGET_NOT_NUMERIC', `${label}为定量指标，${TARGET_LABELS[field]}应为数值，当前为“${value}”`, indicatorField(index, field)),
    ];
  }
  return [];
};

/** Plausible against the direction and unit: no negatives, rates within 0..100%, no targets met by default. */
const targetPlausible = (i: DeclaredIndicator, index: number, field: TargetField): DomainError[] => {
  const value = i[field];
  if (!quantitative(i) || !isFiniteNumber(value)) return [];
  const label = indicatorLabel(i, index);
  const name = TARGET_LABELS[field];
  if (value < 0) {
    return [new DomainError('TARGET_NEGATIVE', `${label}的${name}不能为负数（当前为${value}）`, indicatorField(index, field))];
  }
  if (isPercentUnit(i.unitOfMeasure) && value > 100) {
    return [
      new DomainError(
        'TARGET_PERCENT_OUT_OF_RANGE',
        `${label}以百分比计量，${name}应在0至100之间（当前为${value}%）`,
        indicatorField(index, field),
      ),
    ];
  }
  if (i.direction === '>=' && value === 0) {
    return [
      new DomainError('TARGET_TRIVIAL', `${label}方向为“≥”，${name}为0则必然达成，请设置有实际意义的${name}`, indicatorField(index, field)),
    ];
  }
  if (i.direction === '<=' && isPercentUnit(i.unitOfMeasure) && value === 100) {
    return [
      new DomainError('TARGET_TRIVIAL', `${label}方向为“≤”，${name}为100%则必然达成，请设置有实际意义的${name}`, indicatorField(index, field)),
    ];
  }
  return [];
};

/** 定量指标 need a 计量单位. */
export const quantitativeHasUnit = eachIndicator((i, index) =>
  quantitative(i) && isBlank(i.unitOfMeasure)
    ? [new DomainError('UNIT_OF_MEASURE_REQUIRED', `定量指标“${i.name}”缺少计量单位`, indicatorField(index, 'unitOfMeasure'))]
    : [],
);

export const annualTargetPresent = eachIndicator((i, index) => targetPresent(i, index, 'annualTarget'));

/** 跨年度项目 need a whole-period target on every indicator. */
export const periodTargetPresentForMultiYear = eachIndicator((i, index, { project }) =>
  project.multiYear ? targetPresent(i, index, 'periodTarget') : [],
);

export const targetsPlausible = eachIndicator((i, index) => [
  ...targetPlausible(i, index, 'annualTarget'),
  ...targetPlausible(i, index, 'periodTarget'),
]);
