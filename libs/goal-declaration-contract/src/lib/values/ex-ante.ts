export const EX_ANTE_CONCLUSIONS = ['support', 'support-after-adjustment', 'reject'] as const;
/** 事前绩效评估结论: 支持 / 调整后支持 / 不予支持 */
export type ExAnteConclusion = (typeof EX_ANTE_CONCLUSIONS)[number];

export const EX_ANTE_CONCLUSION_LABELS: Record<ExAnteConclusion, string> = {
  support: '支持',
  'support-after-adjustment': '调整后支持',
  reject: '不予支持',
};

export const isExAnteConclusion = (value: unknown): value is ExAnteConclusion =>
  typeof value === 'string' && (EX_ANTE_CONCLUSIONS as readonly string[]).includes(value);

/** The outcome of a project's 事前绩效评估, as a goal approval carries it. */
export type ExAnteAssessmentOutcome = Readonly<{
  assessmentId: string;
  projectId: string;
  conclusion: ExAnteConclusion;
  totalScore: number;
}>;

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

/** Lower bounds (inclusive, on the 100-point scale) of 支持 and 调整后支持. */
export type ConclusionThresholds = Readonly<{ support: number; supportAfterAdjustment: number }>;
