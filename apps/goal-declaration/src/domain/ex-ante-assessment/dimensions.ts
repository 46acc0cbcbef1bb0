export const EX_ANTE_DIMENSIONS = ['necessity', 'input-economy', 'goal-reasonableness', 'implementation-feasibility', 'funding-compliance'] as const;
export type ExAnteDimension = (typeof EX_ANTE_DIMENSIONS)[number];

export const EX_ANTE_DIMENSION_LABELS: Record<ExAnteDimension, string> = {
  necessity: '立项必要性',
  'input-economy': '投入经济性',
  'goal-reasonableness': '绩效目标合理性',
  'implementation-feasibility': '实施方案可行性',
  'funding-compliance': '筹资合规性',
};

/** 评分要点: a scored sub-item of a dimension. */
export type SubItemScore = Readonly<{ name: string; maxScore: number; score: number; comment?: string }>;

export type DimensionScore = Readonly<{ dimension: ExAnteDimension; subItems: readonly SubItemScore[] }>;

/** As recorded: the dimension's score is the sum of its sub-items. */
export type ScoredDimension = DimensionScore & Readonly<{ score: number; maxScore: number }>;
