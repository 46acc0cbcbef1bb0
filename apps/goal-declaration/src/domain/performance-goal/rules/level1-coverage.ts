import { DomainError, LEVEL1_LABELS, enabledLevel1s } from '../../shared';
import { DeclarationRule } from './context';

/** At least one indicator under each required 一级指标: 产出, 效益, 满意度 (and 成本 when enabled). */
export const level1Covered: DeclarationRule = ({ declaration, parameters }) =>
  enabledLevel1s(parameters.costLevelEnabled)
    .filter((level1) => !declaration.indicators.some((i) => i.level1 === level1))
    .map(
      (level1) =>
        new DomainError(
          'LEVEL1_MISSING',
          `一级指标“${LEVEL1_LABELS[level1]}”下至少需要设置一个绩效指标`,
          'declaration.indicators',
        ),
    );
