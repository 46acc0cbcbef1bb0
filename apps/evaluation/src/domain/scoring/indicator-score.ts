import { invalid } from '@bpm/decider';
import { QUALITATIVE_RATING_LABELS, QualitativeRating, EvaluationParameters } from '../parameters';
import { D, Dec, dec, show } from './exact';

export type Direction = '>=' | '<=' | '=' | 'qualitative';

/** What one indicator is scored from. Quantitative: target and actual; qualitative: the reviewer's judgement. */
export type IndicatorScoreInput =
  | Readonly<{ direction: '>=' | '<=' | '='; target: number; actual: number }>
  | Readonly<{ direction: 'qualitative'; rating: QualitativeRating; percentOfWeight: number }>;

export type IndicatorScore = Readonly<{
  /** Exact points, before display rounding. */
  points: Dec;
  /** The rule applied, in words a reviewer reads, with its numbers. */
  rule: string;
  /** Short of target: the form must then state reasons. */
  shortfall: boolean;
}>;

/**
 * Scores one indicator out of `maxPoints` by its direction (DOMAIN.md §5):
 * - `>=`: full when actual ≥ target, else actual ÷ target × max (0 for a non-positive target);
 * - `<=`: full when actual ≤ target; 0 when actual ≥ 2 × target; between, (1 − (actual − target) ÷ target) × max;
 * - `=`: like `>=`, except a zero target, which is full only when actual ≤ 0;
 * - qualitative: the reviewer's share of the weight, which must fall in the band of its rating.
 */
export const scoreIndicator = (input: IndicatorScoreInput, maxPoints: Dec, parameters: EvaluationParameters): IndicatorScore => {
  const max = maxPoints;
  switch (input.direction) {
    case '>=':
      return atLeast(dec(input.target), dec(input.actual), max, '≥');
    case '=':
      if (dec(input.target).isZero()) {
        const a = dec(input.actual);
        return a.lte(0)
          ? { points: max, rule: `目标值为0，实际值${show(a)}≤0，得满分${show(max)}`, shortfall: false }
          : { points: new D(0), rule: `目标值为0，实际值${show(a)}>0，得0分`, shortfall: true };
      }
      return atLeast(dec(input.target), dec(input.actual), max, '=');
    case '<=':
      return atMost(dec(input.target), dec(input.actual), max);
    case 'qualitative':
      return qualitative(input.rating, input.percentOfWeight, max, parameters);
  }
};

function atLeast(t: Dec, a: Dec, max: Dec, sign: '≥' | '='): IndicatorScore {
  const label = sign === '≥' ? '（越大越好）' : '（等于目标）';
  if (a.gte(t)) return { points: max, rule: `实际值${show(a)}≥目标值${show(t)}${label}，得满分${show(max)}`, shortfall: false };
  if (t.lte(0)) return { points: new D(0), rule: `目标值${show(t)}不大于0且实际值${show(a)}未达到，得0分`, shortfall: true };
  const p = D.max(a, 0).div(t).mul(max);
  return { points: p, rule: `实际值${show(a)}<目标值${show(t)}${label}，得分=${show(a)}÷${show(t)}×${show(max)}=${show(p)}`, shortfall: true };
}

function atMost(t: Dec, a: Dec, max: Dec): IndicatorScore {
  if (a.lte(t)) return { points: max, rule: `实际值${show(a)}≤目标值${show(t)}（越小越好），得满分${show(max)}`, shortfall: false };
  if (t.lte(0) || a.gte(t.mul(2))) {
    return { points: new D(0), rule: `实际值${show(a)}≥目标值的2倍（${show(t.mul(2))}）（越小越好），得0分`, shortfall: true };
  }
  const p = new D(1).minus(a.minus(t).div(t)).mul(max);
  return {
    points: p,
    rule: `实际值${show(a)}>目标值${show(t)}（越小越好），得分=(1−(${show(a)}−${show(t)})÷${show(t)})×${show(max)}=${show(p)}`,
    shortfall: true,
  };
}

function qualitative(rating: QualitativeRating, percent: number, max: Dec, parameters: EvaluationParameters): IndicatorScore {
  const [low, high] = parameters.qualitativeBands[rating];
  // A band includes its lower bound; the top band also includes 100 %.
  const inBand = Number.isFinite(percent) && percent >= low && (percent < high || (high === 100 && percent === 100));
  if (!inBand) {
    throw invalid(
      'QUALITATIVE_SCORE_OUT_OF_BAND',
      `定性指标评为“${QUALITATIVE_RATING_LABELS[rating]}”时，得分应在权重的${low}%至${high}%之间，当前为${percent}%`,
      'percentOfWeight',
    );
  }
  const p = max.mul(percent).div(100);
  return {
    points: p,
    rule: `定性指标评为“${QUALITATIVE_RATING_LABELS[rating]}”（区间${low}%–${high}%），评分${percent}%×${show(max)}=${show(p)}`,
    shortfall: rating !== 'achieved',
  };
}
