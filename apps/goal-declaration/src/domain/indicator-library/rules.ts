import {
  DomainError,
  LEVEL1_LABELS,
  enabledLevel1s,
  isBlank,
  isDirection,
  isIndicatorKind,
  isLevel1,
  isQuantitative,
  level1Label,
  level2Belongs,
  level2Label,
  trimmed,
} from '../shared';
import { OpenLibrary } from './state';
import { CategoryDefinition, IndicatorDefinition } from './types';

export const categoryRules = (category: CategoryDefinition, library: OpenLibrary): DomainError[] => {
  if (isBlank(category.id)) return [new DomainError('CATEGORY_ID_REQUIRED', '指标类别缺少编码', 'category.id')];
  if (isBlank(category.name)) {
    return [new DomainError('CATEGORY_NAME_REQUIRED', `指标类别“${category.id}”缺少名称`, 'category.name')];
  }
  if (library.categories[category.id]) {
    return [new DomainError('CATEGORY_ALREADY_DEFINED', `指标类别编码“${category.id}”已存在`, 'category.id')];
  }
  const sameName = Object.values(library.categories).find((c) => trimmed(c.name) === trimmed(category.name));
  if (sameName) {
    return [new DomainError('CATEGORY_NAME_TAKEN', `指标类别名称“${category.name}”已存在`, 'category.name')];
  }
  return [];
};

type IndicatorRule = (indicator: IndicatorDefinition, library: OpenLibrary) => DomainError[];

const label = (i: IndicatorDefinition) => (isBlank(i.name) ? i.id : i.name);

export const nameRequired: IndicatorRule = (i) =>
  isBlank(i.name) ? [new DomainError('INDICATOR_NAME_REQUIRED', `指标“${i.id}”缺少指标名称`, 'indicator.name')] : [];

export const categoryExists: IndicatorRule = (i, library) =>
  library.categories[i.categoryId]
    ? []
    : [new DomainError('CATEGORY_NOT_FOUND', `指标“${label(i)}”的类别“${i.categoryId}”不存在`, 'indicator.categoryId')];

export const kindKnown: IndicatorRule = (i) =>
  isIndicatorKind(i.kind)
    ? []
    : [new DomainError('INDICATOR_KIND_INVALID', `指标“${label(i)}”的指标性质“${i.kind}”无效，应为共性指标或个性指标`, 'indicator.kind')];

/** 一级指标 must be known, and 成本 only where the region turned it on. */
export const level1Enabled: IndicatorRule = (i, library) => {
  if (!isLevel1(i.level1)) {
    return [new DomainError('LEVEL1_INVALID', `指标“${label(i)}”的一级指标“${i.level1}”无效`, 'indicator.level1')];
  }
  if (!enabledLevel1s(library.costLevelEnabled).includes(i.level1)) {
    return [
      new DomainError(
        'LEVEL1_NOT_ENABLED',
        `指标“${label(i)}”的一级指标“${LEVEL1_LABELS[i.level1]}”在本区划本年度未启用`,
        'indicator.level1',
      ),
    ];
  }
  return [];
};

/** 二级指标 must belong to its 一级指标 (e.g. 数量 under 产出, not under 效益). */
export const level2BelongsToLevel1: IndicatorRule = (i) =>
  isLevel1(i.level1) && !level2Belongs(i.level1, i.level2)
    ? [
        new DomainError(
          'LEVEL2_NOT_IN_LEVEL1',
          `指标“${label(i)}”的二级指标“${level2Label(i.level2)}”不属于一级指标“${level1Label(i.level1)}”`,
          'indicator.level2',
        ),
      ]
    : [];

export const directionKnown: IndicatorRule = (i) =>
  isDirection(i.direction)
    ? []
    : [new DomainError('DIRECTION_INVALID', `指标“${label(i)}”的指标方向“${i.direction}”无效，应为 >=、<=、= 或定性`, 'indicator.direction')];

/** 定量指标 need a 计量单位. */
export const quantitativeHasUnit: IndicatorRule = (i) =>
  isDirection(i.direction) && isQuantitative(i.direction) && isBlank(i.unitOfMeasure)
    ? [new DomainError('UNIT_OF_MEASURE_REQUIRED', `定量指标“${label(i)}”缺少计量单位`, 'indicator.unitOfMeasure')]
    : [];

export const explanationAndSourceRequired: IndicatorRule = (i) => [
  ...(isBlank(i.explanation)
    ? [new DomainError('EXPLANATION_REQUIRED', `指标“${label(i)}”缺少指标解释`, 'indicator.explanation')]
    : []),
  ...(isBlank(i.dataSource)
    ? [new DomainError('DATA_SOURCE_REQUIRED', `指标“${label(i)}”缺少数据来源`, 'indicator.dataSource')]
    : []),
];

/** Names are unique among the active indicators of one category. */
export const nameUniqueInCategory: IndicatorRule = (i, library) => {
  const clash = Object.values(library.indicators).find(
    (other) =>
      other.id !== i.id &&
      other.status === 'active' &&
      other.categoryId === i.categoryId &&
      trimmed(other.name) === trimmed(i.name),
  );
  return clash
    ? [
        new DomainError(
          'INDICATOR_NAME_TAKEN',
          `指标名称“${i.name}”在类别“${library.categories[i.categoryId]?.name ?? i.categoryId}”中已存在`,
          'indicator.name',
        ),
      ]
    : [];
};

const INDICATOR_RULES: IndicatorRule[] = [
  nameRequired,
  categoryExists,
  kindKnown,
  level1Enabled,
  level2BelongsToLevel1,
  directionKnown,
  quantitativeHasUnit,
  explanationAndSourceRequired,
  nameUniqueInCategory,
];

/** All violations of one indicator definition, in rule order. */
export const indicatorRules = (indicator: IndicatorDefinition, library: OpenLibrary): DomainError[] =>
  INDICATOR_RULES.flatMap((rule) => rule(indicator, library));
