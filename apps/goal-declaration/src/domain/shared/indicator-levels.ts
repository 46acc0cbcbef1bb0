/**
 * The fixed upper levels of the indicator tree (一级 / 二级指标).
 * Level 3 is the concrete indicator kept in the library.
 */
export const LEVEL1 = ['output', 'benefit', 'satisfaction', 'cost'] as const;
export type Level1 = (typeof LEVEL1)[number];

export const LEVEL1_LABELS: Record<Level1, string> = {
  output: '产出',
  benefit: '效益',
  satisfaction: '满意度',
  cost: '成本',
};

export const LEVEL2_BY_LEVEL1 = {
  output: ['quantity', 'quality', 'timeliness', 'cost'],
  benefit: ['economic', 'social', 'ecological', 'sustained'],
  satisfaction: ['service-recipient'],
  cost: ['economic-cost', 'social-cost', 'ecological-environmental-cost'],
} as const satisfies Record<Level1, readonly string[]>;

export type Level2 = (typeof LEVEL2_BY_LEVEL1)[Level1][number];

export const LEVEL2_LABELS: Record<Level2, string> = {
  quantity: '数量',
  quality: '质量',
  timeliness: '时效',
  cost: '成本',
  economic: '经济',
  social: '社会',
  ecological: '生态',
  sustained: '可持续影响',
  'service-recipient': '服务对象满意度',
  'economic-cost': '经济成本',
  'social-cost': '社会成本',
  'ecological-environmental-cost': '生态环境成本',
};

export const isLevel1 = (value: unknown): value is Level1 =>
  typeof value === 'string' && (LEVEL1 as readonly string[]).includes(value);

export const level2Belongs = (level1: Level1, level2: unknown): level2 is Level2 =>
  typeof level2 === 'string' && (LEVEL2_BY_LEVEL1[level1] as readonly string[]).includes(level2);

/** 成本 is a level 1 only where the region's parameter turns it on. */
export const enabledLevel1s = (costLevelEnabled: boolean): Level1[] =>
  costLevelEnabled ? [...LEVEL1] : LEVEL1.filter((l) => l !== 'cost');

export const level1Label = (level1: string): string =>
  isLevel1(level1) ? LEVEL1_LABELS[level1] : level1;

export const level2Label = (level2: string): string =>
  level2 in LEVEL2_LABELS ? LEVEL2_LABELS[level2 as Level2] : level2;
