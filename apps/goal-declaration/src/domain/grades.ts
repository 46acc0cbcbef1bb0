import type { Grade } from '@bpm/goal-declaration-contract';
import { DomainError } from './shared/domain-error';

/** 等级 (优 / 良 / 中 / 差) is a published value: defined in goal-declaration's contract. */
export { GRADES, GRADE_LABELS, isGrade, type Grade } from '@bpm/goal-declaration-contract';

/** Lower bounds (inclusive) of 优, 良, 中; below `fair` is 差. */
export type GradeThresholds = Readonly<{ excellent: number; good: number; fair: number }>;

export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { excellent: 90, good: 80, fair: 60 };

/** 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60 (bounds are per-region parameters). */
export const grade = (score: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Grade => {
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new DomainError('SCORE_INVALID', `分数“${score}”无效：应为 0 至 100 之间的数值`, 'score');
  }
  if (score >= thresholds.excellent) return 'excellent';
  if (score >= thresholds.good) return 'good';
  if (score >= thresholds.fair) return 'fair';
  return 'poor';
};

export const validateGradeThresholds = (t: GradeThresholds): DomainError[] =>
  t.excellent <= 100 && t.excellent > t.good && t.good > t.fair && t.fair > 0
    ? []
    : [
        new DomainError(
          'GRADE_THRESHOLDS_INVALID',
          `等级分数线无效：应满足 100 ≥ 优（${t.excellent}）> 良（${t.good}）> 中（${t.fair}）> 0`,
          'gradeThresholds',
        ),
      ];
