import { Direction, IndicatorKind, Level1, Level2 } from '../shared';

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

export type IndicatorStatus = 'active' | 'retired';

export type LibraryIndicator = IndicatorDefinition & Readonly<{ status: IndicatorStatus }>;

/** What may change on an indicator: not its id, category or kind. */
export type IndicatorChanges = Partial<Pick<IndicatorDefinition, 'name' | 'level1' | 'level2' | 'unitOfMeasure' | 'direction' | 'explanation' | 'dataSource'>>;

/**
 * A read-only snapshot of a fiscal year's library, passed inside goal commands
 * so the goal decider can check common indicators without I/O.
 */
export type IndicatorLookup = Readonly<Record<string, LibraryIndicator>>;

/** Sample / seed data shape: a whole library in one object. */
export type IndicatorLibrarySeed = Readonly<{
  region: string;
  fiscalYear: number;
  costLevelEnabled: boolean;
  categories: readonly CategoryDefinition[];
  indicators: readonly IndicatorDefinition[];
}>;
