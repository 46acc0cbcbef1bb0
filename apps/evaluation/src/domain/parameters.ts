import { DomainError, invalid } from '@bpm/decider';

/**
 * 评价参数: every number of DOMAIN.md sections 5–7 that a region may set per fiscal year.
 * Read and validated once, where the service starts; the rules below take them as data.
 */
export type EvaluationParameters = Readonly<{
  /** 自评分值: 预算执行率 10, 产出 50, 效益 30, 满意度 10 (成本 indicators score within 产出). */
  selfEvaluationPoints: Readonly<{ execution: number; output: number; benefit: number; satisfaction: number }>;
  /** Lower bounds (inclusive) of 优, 良, 中 on a 100-point score; below `fair` is 差. */
  gradeThresholds: Readonly<{ excellent: number; good: number; fair: number }>;
  /** 定性指标: the reviewer's score as a share of the weight, per rating (percent, lower inclusive). */
  qualitativeBands: Readonly<Record<QualitativeRating, readonly [number, number]>>;
  /** 重点评价 weights: 决策 20, 过程 20, 产出 30, 效益 30; 产出 + 效益 at least 60. */
  keyEvaluationWeights: Readonly<{ decision: number; process: number; output: number; benefit: number }>;
  minOutputPlusBenefit: number;
  /** A self-evaluated actual differing from the monitoring or execution data by more than this (percent) is flagged. */
  actualDeviationTolerancePercent: number;
  /** Admission is refused after a major violation within this many years. */
  violationLookbackYears: number;
  /** 重点评价进度: each milestone due this many calendar days after assignment, with a reminder before. */
  keyEvaluationSchedule: Readonly<{ daysAfterAssignment: Readonly<Record<'work-plan' | 'fieldwork' | 'draft-report' | 'finance-review' | 'final-report', number>>; reminderDaysBefore: number }>;
}>;

export const QUALITATIVE_RATINGS = ['achieved', 'partly-achieved', 'not-achieved'] as const;
export type QualitativeRating = (typeof QUALITATIVE_RATINGS)[number];
export const QUALITATIVE_RATING_LABELS: Record<QualitativeRating, string> = {
  achieved: '达成',
  'partly-achieved': '部分达成',
  'not-achieved': '未达成',
};

export const DEFAULT_EVALUATION_PARAMETERS: EvaluationParameters = {
  selfEvaluationPoints: { execution: 10, output: 50, benefit: 30, satisfaction: 10 },
  gradeThresholds: { excellent: 90, good: 80, fair: 60 },
  qualitativeBands: { achieved: [80, 100], 'partly-achieved': [60, 80], 'not-achieved': [0, 60] },
  keyEvaluationWeights: { decision: 20, process: 20, output: 30, benefit: 30 },
  minOutputPlusBenefit: 60,
  actualDeviationTolerancePercent: 10,
  violationLookbackYears: 3,
  keyEvaluationSchedule: { daysAfterAssignment: { 'work-plan': 15, fieldwork: 45, 'draft-report': 75, 'finance-review': 90, 'final-report': 105 }, reminderDaysBefore: 3 },
};

const sum = (o: Readonly<Record<string, number>>) => Object.values(o).reduce((a, b) => a + b, 0);
const nonNegative = (o: Readonly<Record<string, number>>) => Object.values(o).every((v) => Number.isFinite(v) && v >= 0);

/** Every violation at once, so an admin sees all that is wrong with a region's parameters. */
export const validateEvaluationParameters = (p: EvaluationParameters): DomainError[] => {
  const problems: DomainError[] = [];
  if (!nonNegative(p.selfEvaluationPoints) || sum(p.selfEvaluationPoints) !== 100) {
    problems.push(invalid('SELF_EVALUATION_POINTS_INVALID', `自评各部分分值之和应为100分，当前为${sum(p.selfEvaluationPoints)}分`, 'selfEvaluationPoints'));
  }
  const t = p.gradeThresholds;
  if (!(t.excellent <= 100 && t.excellent > t.good && t.good > t.fair && t.fair > 0)) {
    problems.push(invalid('GRADE_THRESHOLDS_INVALID', `等级分数线无效：应满足 100 ≥ 优（${t.excellent}）> 良（${t.good}）> 中（${t.fair}）> 0`, 'gradeThresholds'));
  }
  const b = p.qualitativeBands;
  if (!(b['not-achieved'][0] === 0 && b['not-achieved'][1] === b['partly-achieved'][0] && b['partly-achieved'][1] === b.achieved[0] && b.achieved[1] === 100 && b.achieved[0] > b['partly-achieved'][0] && b['partly-achieved'][0] > 0)) {
    problems.push(invalid('QUALITATIVE_BANDS_INVALID', '定性指标评分区间应首尾相接地覆盖0%至100%：未达成、部分达成、达成依次递增', 'qualitativeBands'));
  }
  const w = p.keyEvaluationWeights;
  if (!nonNegative(w) || sum(w) !== 100) {
    problems.push(invalid('KEY_EVALUATION_WEIGHTS_INVALID', `重点评价一级指标权重之和应为100分，当前为${sum(w)}分`, 'keyEvaluationWeights'));
  } else if (w.output + w.benefit < p.minOutputPlusBenefit) {
    problems.push(invalid('KEY_EVALUATION_WEIGHTS_INVALID', `重点评价中产出与效益权重之和应不低于${p.minOutputPlusBenefit}分，当前为${w.output + w.benefit}分`, 'keyEvaluationWeights'));
  }
  if (!(p.actualDeviationTolerancePercent >= 0)) {
    problems.push(invalid('TOLERANCE_INVALID', '实际值偏差容忍度应为不小于0的百分比', 'actualDeviationTolerancePercent'));
  }
  if (!(Number.isInteger(p.violationLookbackYears) && p.violationLookbackYears >= 0)) {
    problems.push(invalid('LOOKBACK_INVALID', '重大违规追溯年限应为不小于0的整数', 'violationLookbackYears'));
  }
  const schedule = p.keyEvaluationSchedule;
  const days = schedule ? Object.values(schedule.daysAfterAssignment) : [];
  if (!schedule || days.length !== 5 || !days.every((d, i) => Number.isInteger(d) && d > 0 && (i === 0 || d > days[i - 1]))) {
    problems.push(invalid('KEY_EVALUATION_SCHEDULE_INVALID', '重点评价各里程碑期限应为依次递增的正整数天数（工作方案、现场评价、报告初稿、财政审核、正式报告）', 'keyEvaluationSchedule'));
  } else if (!(Number.isInteger(schedule.reminderDaysBefore) && schedule.reminderDaysBefore >= 0 && schedule.reminderDaysBefore < days[0])) {
    problems.push(invalid('KEY_EVALUATION_SCHEDULE_INVALID', '重点评价提醒提前天数应为不小于0且小于第一个里程碑期限的整数', 'keyEvaluationSchedule.reminderDaysBefore'));
  }
  return problems;
};
