import type { ConclusionThresholds } from '@bpm/goal-declaration-contract';
import { DomainError, isBlank, isFiniteNumber } from '../shared';
import { ExAnteConclusion } from './conclusion';
import { DimensionScore, EX_ANTE_DIMENSIONS, EX_ANTE_DIMENSION_LABELS, ExAnteDimension, ScoredDimension } from './dimensions';

/** Published with the assessment's events: defined in goal-declaration's contract. */
export type { ConclusionThresholds } from '@bpm/goal-declaration-contract';

const round2 = (n: number) => Math.round(n * 100) / 100;
const label = (d: string) => EX_ANTE_DIMENSION_LABELS[d as ExAnteDimension] ?? d;

/** Each of the five dimensions exactly once, nothing else. */
export const dimensionsComplete = (dimensions: readonly DimensionScore[]): DomainError[] => {
  const problems: DomainError[] = [];
  if (!Array.isArray(dimensions) || dimensions.some((d) => typeof d !== 'object' || d === null)) {
    return [new DomainError('DIMENSIONS_INVALID', '评估维度得分应为列表，每项包含评估维度与评分要点', 'dimensions')];
  }
  const seen = new Set<string>();
  dimensions.forEach((d, index) => {
    if (!(EX_ANTE_DIMENSIONS as readonly string[]).includes(d.dimension)) {
      problems.push(new DomainError('DIMENSION_INVALID', `评估维度“${d.dimension}”无效`, `dimensions[${index}].dimension`));
    } else if (seen.has(d.dimension)) {
      problems.push(new DomainError('DIMENSION_DUPLICATE', `评估维度“${label(d.dimension)}”重复评分`, `dimensions[${index}].dimension`));
    }
    seen.add(d.dimension);
  });
  EX_ANTE_DIMENSIONS.filter((d) => !seen.has(d)).forEach((d) =>
    problems.push(new DomainError('DIMENSION_MISSING', `缺少评估维度“${EX_ANTE_DIMENSION_LABELS[d]}”的评分`, 'dimensions')),
  );
  return problems;
};

/** Sub-items: named, positive maxima summing to the dimension's points, scores within 0..max. */
export const subItemsValid = (dimensions: readonly DimensionScore[], dimensionMaxScore: number): DomainError[] =>
  dimensions.flatMap((d, di) => {
    const field = `dimensions[${di}].subItems`;
    if (!Array.isArray(d.subItems) || d.subItems.length === 0) {
      return [new DomainError('SUB_ITEMS_REQUIRED', `评估维度“${label(d.dimension)}”缺少评分要点`, field)];
    }
    const perItem = d.subItems.flatMap((item, ii) => {
      const f = `${field}[${ii}]`;
      if (typeof item !== 'object' || item === null) {
        return [new DomainError('SUB_ITEM_INVALID', `评估维度“${label(d.dimension)}”的第${ii + 1}个评分要点格式不正确`, f)];
      }
      const name = isBlank(item.name) ? `第${ii + 1}个评分要点` : `评分要点“${item.name}”`;
      if (isBlank(item.name)) return [new DomainError('SUB_ITEM_NAME_REQUIRED', `评估维度“${label(d.dimension)}”的${name}缺少名称`, `${f}.name`)];
      if (!isFiniteNumber(item.maxScore) || item.maxScore <= 0) {
        return [new DomainError('SUB_ITEM_MAX_INVALID', `${name}的分值应为大于0的数值`, `${f}.maxScore`)];
      }
      if (!isFiniteNumber(item.score) || item.score < 0 || item.score > item.maxScore) {
        return [
          new DomainError('SUB_ITEM_SCORE_OUT_OF_RANGE', `${name}的得分应在0至${item.maxScore}分之间（当前为${item.score}）`, `${f}.score`),
        ];
      }
      return [];
    });
    if (perItem.length > 0) return perItem;
    const maxTotal = round2(d.subItems.reduce((s, i) => s + i.maxScore, 0));
    return maxTotal === dimensionMaxScore
      ? []
      : [
          new DomainError(
            'SUB_ITEMS_MAX_MISMATCH',
            `评估维度“${label(d.dimension)}”各评分要点分值合计应为${dimensionMaxScore}分，当前为${maxTotal}分`,
            field,
          ),
        ];
  });

export const scoreDimensions = (dimensions: readonly DimensionScore[], dimensionMaxScore: number): ScoredDimension[] =>
  dimensions.map((d) => ({ ...d, maxScore: dimensionMaxScore, score: round2(d.subItems.reduce((s, i) => s + i.score, 0)) }));

/** Total normalised to 100 points, whatever the per-dimension points. */
export const normalisedScore = (total: number, dimensionMaxScore: number): number =>
  round2((total / (dimensionMaxScore * EX_ANTE_DIMENSIONS.length)) * 100);

/** ≥ support → 支持; ≥ supportAfterAdjustment → 调整后支持; below → 不予支持 (on the 100-point scale). */
export const exAnteConclusion = (score: number, thresholds: ConclusionThresholds): ExAnteConclusion =>
  score >= thresholds.support ? 'support' : score >= thresholds.supportAfterAdjustment ? 'support-after-adjustment' : 'reject';
