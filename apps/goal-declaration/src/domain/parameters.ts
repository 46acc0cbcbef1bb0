import { DEFAULT_GRADE_THRESHOLDS, GradeThresholds, validateGradeThresholds } from './grades';
import { DomainError } from './shared/domain-error';

/**
 * Every rule with a number is a parameter per region (区划) and fiscal year (年度).
 * Commands that need them carry the resolved parameters (a snapshot), so deciders stay pure.
 */
export type GoalDeclarationParameters = Readonly<{
  region: string;
  fiscalYear: number;
  /** 成本 as a level-1 indicator (newer rules); off by default. */
  costLevelEnabled: boolean;
  /** 事前绩效评估: projects at or above this amount (yuan) are in scope. */
  exAnteThreshold: number;
  /** Points per ex-ante dimension; five dimensions. */
  exAnteDimensionMaxScore: number;
  /**
   * Conclusion bands on the total normalised to 100:
   * ≥ support → 支持; ≥ supportAfterAdjustment → 调整后支持; below → 不予支持.
   */
  exAnteConclusionThresholds: Readonly<{ support: number; supportAfterAdjustment: number }>;
  gradeThresholds: GradeThresholds;
  /** Indicator weights, where used, add up to this. */
  weightTotal: number;
  /** Finance reviews a submitted goal within this many days. */
  reviewDeadlineDays: number;
  /** Remind the reviewer this many days before the deadline. */
  reminderDaysBefore: number;
}>;

export const DEFAULT_PARAMETERS: Omit<GoalDeclarationParameters, 'region' | 'fiscalYear'> = {
  costLevelEnabled: false,
  exAnteThreshold: 5_000_000,
  exAnteDimensionMaxScore: 20,
  exAnteConclusionThresholds: { support: 80, supportAfterAdjustment: 60 },
  gradeThresholds: DEFAULT_GRADE_THRESHOLDS,
  weightTotal: 100,
  reviewDeadlineDays: 10,
  reminderDaysBefore: 2,
};

export type ParameterOverrides = Partial<Omit<GoalDeclarationParameters, 'region' | 'fiscalYear'>>;

export const resolveParameters = (
  region: string,
  fiscalYear: number,
  overrides: ParameterOverrides = {},
): GoalDeclarationParameters => {
  const params: GoalDeclarationParameters = { ...DEFAULT_PARAMETERS, ...overrides, region, fiscalYear };
  const problems = validateParameters(params);
  if (problems.length > 0) throw problems[0];
  return params;
};

export const validateParameters = (p: GoalDeclarationParameters): DomainError[] => {
  const problems: DomainError[] = [];
  const positive = (value: number, field: string, label: string) => {
    if (!Number.isFinite(value) || value <= 0) {
      problems.push(new DomainError('PARAMETER_INVALID', `参数“${label}”应为正数，当前为“${value}”`, field));
    }
  };
  positive(p.exAnteThreshold, 'exAnteThreshold', '事前绩效评估金额标准');
  positive(p.exAnteDimensionMaxScore, 'exAnteDimensionMaxScore', '事前评估各维度分值');
  positive(p.weightTotal, 'weightTotal', '指标权重合计');
  positive(p.reviewDeadlineDays, 'reviewDeadlineDays', '审核期限天数');
  if (!Number.isInteger(p.reminderDaysBefore) || p.reminderDaysBefore < 0 || p.reminderDaysBefore >= p.reviewDeadlineDays) {
    problems.push(
      new DomainError(
        'PARAMETER_INVALID',
        `参数“提前提醒天数”应为小于审核期限（${p.reviewDeadlineDays}天）的非负整数，当前为“${p.reminderDaysBefore}”`,
        'reminderDaysBefore',
      ),
    );
  }
  const { support, supportAfterAdjustment } = p.exAnteConclusionThresholds;
  if (!(support <= 100 && support > supportAfterAdjustment && supportAfterAdjustment > 0)) {
    problems.push(
      new DomainError(
        'PARAMETER_INVALID',
        `参数“事前评估结论分数线”无效：应满足 100 ≥ 支持（${support}）> 调整后支持（${supportAfterAdjustment}）> 0`,
        'exAnteConclusionThresholds',
      ),
    );
  }
  problems.push(...validateGradeThresholds(p.gradeThresholds));
  return problems;
};

/** Day offsets (from submission) for the review deadline and its reminder. */
export const reviewSchedule = (p: GoalDeclarationParameters): { deadlineDays: number; reminderAfterDays: number } => ({
  deadlineDays: p.reviewDeadlineDays,
  reminderAfterDays: p.reviewDeadlineDays - p.reminderDaysBefore,
});
