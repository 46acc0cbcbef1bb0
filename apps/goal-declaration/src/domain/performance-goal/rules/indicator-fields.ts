import {
  DomainError,
  LEVEL1_LABELS,
  enabledLevel1s,
  isBlank,
  isDirection,
  isIndicatorKind,
  isLevel1,
  level2Belongs,
  level2Label,
  trimmed,
} from '../../shared';
import { DeclarationRule, eachIndicator, indicatorField, indicatorLabel } from './context';

export const indicatorsRequired: DeclarationRule = ({ declaration }) =>
  declaration.indicators.length === 0
    ? [new DomainError('INDICATORS_REQUIRED', '绩效目标表至少需要一个绩效指标', 'declaration.indicators')]
    : [];

export const indicatorNameRequired = eachIndicator((indicator, index) =>
  isBlank(indicator.name)
    ? [new DomainError('INDICATOR_NAME_REQUIRED', `第${index + 1}个指标缺少指标名称`, indicatorField(index, 'name'))]
    : [],
);

/** Names identify indicators in review comments, so they are unique in a goal table. */
export const indicatorNamesUnique: DeclarationRule = ({ declaration }) => {
  const seen = new Set<string>();
  return declaration.indicators.flatMap((indicator, index) => {
    const name = trimmed(indicator.name);
    if (name === '') return [];
    if (seen.has(name)) {
      return [new DomainError('INDICATOR_NAME_DUPLICATE', `指标“${name}”重复填报`, indicatorField(index, 'name'))];
    }
    seen.add(name);
    return [];
  });
};

export const indicatorKindKnown = eachIndicator((indicator, index) =>
  isIndicatorKind(indicator.kind)
    ? []
    : [
        new DomainError(
          'INDICATOR_KIND_INVALID',
          `${indicatorLabel(indicator, index)}的指标性质“${indicator.kind}”无效，应为共性指标或个性指标`,
          indicatorField(index, 'kind'),
        ),
      ],
);

export const indicatorDirectionKnown = eachIndicator((indicator, index) =>
  isDirection(indicator.direction)
    ? []
    : [
        new DomainError(
          'DIRECTION_INVALID',
          `${indicatorLabel(indicator, index)}缺少有效的指标方向（>=、<=、= 或定性）`,
          indicatorField(index, 'direction'),
        ),
      ],
);

/** 一级指标 known and enabled in the region; 二级指标 under its 一级指标. */
export const indicatorLevelsValid = eachIndicator((indicator, index, { parameters }) => {
  const label = indicatorLabel(indicator, index);
  if (!isLevel1(indicator.level1)) {
    return [new DomainError('LEVEL1_INVALID', `${label}的一级指标“${indicator.level1}”无效`, indicatorField(index, 'level1'))];
  }
  if (!enabledLevel1s(parameters.costLevelEnabled).includes(indicator.level1)) {
    return [
      new DomainError(
        'LEVEL1_NOT_ENABLED',
        `${label}的一级指标“${LEVEL1_LABELS[indicator.level1]}”在本区划本年度未启用`,
        indicatorField(index, 'level1'),
      ),
    ];
  }
  if (!level2Belongs(indicator.level1, indicator.level2)) {
    return [
      new DomainError(
        'LEVEL2_NOT_IN_LEVEL1',
        `${label}的二级指标“${level2Label(indicator.level2)}”不属于一级指标“${LEVEL1_LABELS[indicator.level1]}”`,
        indicatorField(index, 'level2'),
      ),
    ];
  }
  return [];
});
