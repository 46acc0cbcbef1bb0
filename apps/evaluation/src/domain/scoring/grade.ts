import { EvaluationParameters } from '../parameters';
import { Dec, show } from './exact';

/** 等级: 优 / 良 / 中 / 差. Codes in English, labels in Chinese. */
export const GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

export type Graded = Readonly<{ grade: Grade; rule: string }>;

/** 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60, on the score rounded to two decimals (bounds are the region's). */
export const gradeOf = (score: Dec, parameters: EvaluationParameters): Graded => {
  const s = score.toDecimalPlaces(2);
  const t = parameters.gradeThresholds;
  if (s.gte(t.excellent)) return { grade: 'excellent', rule: `总分${show(s)}≥${t.excellent}，评为优` };
  if (s.gte(t.good)) return { grade: 'good', rule: `总分${show(s)}在${t.good}（含）至${t.excellent}之间，评为良` };
  if (s.gte(t.fair)) return { grade: 'fair', rule: `总分${show(s)}在${t.fair}（含）至${t.good}之间，评为中` };
  return { grade: 'poor', rule: `总分${show(s)}<${t.fair}，评为差` };
};
