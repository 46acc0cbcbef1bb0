import { DomainError, isFiniteNumber } from '../../shared';
import { DeclarationRule, indicatorField, indicatorLabel } from './context';

const EPSILON = 1e-6;

/** Weights are optional; where used, every indicator has a positive one and they sum to 100. */
export const weightsConsistent: DeclarationRule = ({ declaration, parameters }) => {
  const indicators = declaration.indicators;
  if (!indicators.some((i) => i.weight !== undefined)) return [];

  const perIndicator = indicators.flatMap((i, index) => {
    if (i.weight === undefined) {
      return [
        new DomainError('WEIGHT_MISSING', `${indicatorLabel(i, index)}缺少权重：设置权重时每个指标都须填写`, indicatorField(index, 'weight')),
      ];
    }
    if (!isFiniteNumber(i.weight) || i.weight <= 0) {
      return [
        new DomainError('WEIGHT_INVALID', `${indicatorLabel(i, index)}的权重应为大于0的数值（当前为${i.weight}）`, indicatorField(index, 'weight')),
      ];
    }
    return [];
  });
  if (perIndicator.length > 0) return perIndicator;

  const total = indicators.reduce((sum, i) => sum + (i.weight ?? 0), 0);
  return Math.abs(total - parameters.weightTotal) > EPSILON
    ? [
        new DomainError(
          'WEIGHTS_NOT_TOTAL',
          `各指标权重合计应为${parameters.weightTotal}，当前为${Math.round(total * 100) / 100}`,
          'declaration.indicators',
        ),
      ]
    : [];
};
