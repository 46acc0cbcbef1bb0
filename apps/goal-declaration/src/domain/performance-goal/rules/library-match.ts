import { LibraryIndicator } from '../../indicator-library/types';
import { DIRECTION_LABELS, DomainError, LEVEL1_LABELS, isBlank, level2Label, trimmed } from '../../shared';
import { DeclaredIndicator } from '../types';
import { eachIndicator, indicatorField, indicatorLabel } from './context';

const mismatches = (declared: DeclaredIndicator, entry: LibraryIndicator, index: number): DomainError[] => {
  const label = indicatorLabel(declared, index);
  const checks: Array<[keyof DeclaredIndicator, boolean, string]> = [
    ['name', trimmed(declared.name) === trimmed(entry.name), `名称应为“${entry.name}”`],
    ['level1', declared.level1 === entry.level1, `一级指标应为“${LEVEL1_LABELS[entry.level1]}”`],
    ['level2', declared.level2 === entry.level2, `二级指标应为“${level2Label(entry.level2)}”`],
    ['direction', declared.direction === entry.direction, `指标方向应为“${DIRECTION_LABELS[entry.direction]}”`],
    [
      'unitOfMeasure',
      trimmed(declared.unitOfMeasure) === trimmed(entry.unitOfMeasure),
      `计量单位应为“${entry.unitOfMeasure ?? '（无）'}”`,
    ],
  ];
  return checks
    .filter(([, ok]) => !ok)
    .map(
      ([field, , expected]) =>
        new DomainError('INDICATOR_LIBRARY_MISMATCH', `${label}与指标库不一致：${expected}`, indicatorField(index, field)),
    );
};

/**
 * 共性指标 only from the library (active, common, same name / levels / direction / unit).
 * An individual indicator that names a library id must match it too.
 */
export const indicatorsMatchLibrary = eachIndicator((indicator, index, { library }) => {
  const label = indicatorLabel(indicator, index);
  if (isBlank(indicator.indicatorId)) {
    return indicator.kind === 'common'
      ? [
          new DomainError(
            'COMMON_INDICATOR_NOT_FROM_LIBRARY',
            `${label}为共性指标，须从指标库中选取（缺少指标库编码）`,
            indicatorField(index, 'indicatorId'),
          ),
        ]
      : [];
  }
  const entry = library[indicator.indicatorId as string];
  if (!entry) {
    return [
      new DomainError(
        'INDICATOR_NOT_IN_LIBRARY',
        `${label}的指标库编码“${indicator.indicatorId}”在本年度指标库中不存在`,
        indicatorField(index, 'indicatorId'),
      ),
    ];
  }
  if (entry.status === 'retired') {
    return [new DomainError('INDICATOR_RETIRED', `${label}已在指标库中停用，请改选其他指标`, indicatorField(index, 'indicatorId'))];
  }
  if (entry.kind !== indicator.kind) {
    return [
      new DomainError(
        'INDICATOR_KIND_MISMATCH',
        `${label}在指标库中为${entry.kind === 'common' ? '共性' : '个性'}指标，填报的指标性质不一致`,
        indicatorField(index, 'kind'),
      ),
    ];
  }
  return mismatches(indicator, entry, index);
});
