import { DomainError, invalid } from '@bpm/decider';
import { EvaluationParameters } from '../parameters';
import { D, Dec, points } from '../scoring/exact';

/** 重点评价一级指标: 决策, 过程, 产出, 效益. */
export const KEY_LEVEL1 = ['decision', 'process', 'output', 'benefit'] as const;
export type KeyLevel1 = (typeof KEY_LEVEL1)[number];
export const KEY_LEVEL1_LABELS: Record<KeyLevel1, string> = { decision: '决策', process: '过程', output: '产出', benefit: '效益' };
/** The default level 2 of the framework (DOMAIN.md §6); an evaluation's tree may refine level 3 freely. */
export const KEY_LEVEL2: Record<KeyLevel1, readonly string[]> = {
  decision: ['立项', '绩效目标', '资金投入'],
  process: ['资金管理', '组织实施'],
  output: ['数量', '质量', '时效', '成本'],
  benefit: ['经济', '社会', '生态', '可持续', '满意度'],
};

/** One level-3 indicator of an evaluation's tree, as the evaluator scored it. */
export type ScoredKeyIndicator = Readonly<{ level1: KeyLevel1; level2: string; name: string; maxPoints: number; points: number; basis: string }>;

export type KeyScore = Readonly<{ total: number; byLevel1: Readonly<Record<KeyLevel1, number>> }>;

/** The tree must carry the region's weights per level 1; each score within its indicator's points and with its basis. */
export const treeViolations = (tree: readonly ScoredKeyIndicator[], parameters: EvaluationParameters): DomainError[] => {
  const problems: DomainError[] = [];
  tree.forEach((i, n) => {
    if (!KEY_LEVEL1.includes(i.level1)) problems.push(invalid('LEVEL1_UNKNOWN', `第${n + 1}项指标的一级指标无效`, `indicators[${n}].level1`));
    else if (!KEY_LEVEL2[i.level1].includes(i.level2)) problems.push(invalid('LEVEL2_UNKNOWN', `“${i.name}”的二级指标“${i.level2}”不属于“${KEY_LEVEL1_LABELS[i.level1]}”`, `indicators[${n}].level2`));
    if (!(i.maxPoints > 0)) problems.push(invalid('MAX_POINTS_INVALID', `“${i.name}”的分值应大于0`, `indicators[${n}].maxPoints`));
    else if (!(i.points >= 0 && i.points <= i.maxPoints)) problems.push(invalid('POINTS_OUT_OF_RANGE', `“${i.name}”的得分${i.points}应在0至${i.maxPoints}之间`, `indicators[${n}].points`));
    if (typeof i.basis !== 'string' || i.basis.trim() === '') problems.push(invalid('BASIS_REQUIRED', `“${i.name}”须写明评分依据`, `indicators[${n}].basis`));
  });
  for (const level1 of KEY_LEVEL1) {
    const sum = tree.filter((i) => i.level1 === level1).reduce((a, i) => a.plus(i.maxPoints), new D(0) as Dec);
    const weight = parameters.keyEvaluationWeights[level1];
    if (!sum.eq(weight)) problems.push(invalid('LEVEL1_WEIGHT_MISMATCH', `一级指标“${KEY_LEVEL1_LABELS[level1]}”下各指标分值之和应为${weight}分，当前为${sum.toString()}分`, 'indicators'));
  }
  return problems;
};

export const scoreTree = (tree: readonly ScoredKeyIndicator[]): { total: Dec; byLevel1: Record<KeyLevel1, number> } => {
  const byLevel1 = {} as Record<KeyLevel1, number>;
  let total: Dec = new D(0);
  for (const level1 of KEY_LEVEL1) {
    const sum = tree.filter((i) => i.level1 === level1).reduce((a, i) => a.plus(i.points), new D(0) as Dec);
    byLevel1[level1] = points(sum);
    total = total.plus(sum);
  }
  return { total, byLevel1 };
};
