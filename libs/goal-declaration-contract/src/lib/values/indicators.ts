/**
 * The fixed upper levels of the indicator tree (一级 / 二级指标); level 3 is the concrete
 * indicator kept in the library.
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

export const DIRECTIONS = ['>=', '<=', '=', 'qualitative'] as const;
/** `>=` higher is better, `<=` lower is better, `=` hit the value, or qualitative (定性). */
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  '>=': '≥（越大越好）',
  '<=': '≤（越小越好）',
  '=': '=（等于目标值）',
  qualitative: '定性',
};

export const INDICATOR_KINDS = ['common', 'individual'] as const;
/** 共性指标 must come from the library; 个性指标 are added per industry and project. */
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  common: '共性指标',
  individual: '个性指标',
};

/** A target is a number for quantitative indicators, text for qualitative ones. */
export type TargetValue = number | string;
