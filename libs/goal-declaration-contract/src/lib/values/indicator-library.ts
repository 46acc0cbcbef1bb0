import type { Direction, IndicatorKind, Level1, Level2 } from './indicators';

/** 类别: a spending category / industry the library is organised by (教育, 卫生健康, …). */
export type CategoryDefinition = Readonly<{ id: string; name: string; description?: string }>;

/** 三级指标 as written by finance-admin (and as seeded). */
export type IndicatorDefinition = Readonly<{
  id: string;
  categoryId: string;
  name: string;
  level1: Level1;
  level2: Level2;
  /** 计量单位; required unless the direction is qualitative. */
  unitOfMeasure?: string;
  direction: Direction;
  /** 指标解释 */
  explanation: string;
  /** 数据来源 */
  dataSource: string;
  kind: IndicatorKind;
}>;

/** What may change on an indicator: not its id, category or kind. */
export type IndicatorChanges = Partial<
  Pick<IndicatorDefinition, 'name' | 'level1' | 'level2' | 'unitOfMeasure' | 'direction' | 'explanation' | 'dataSource'>
>;
