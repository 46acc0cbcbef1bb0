import { DomainError, invalid } from '@bpm/decider';
import { PrefilledIndicator } from './types';

/** The reviewer scores only qualitative indicators of this goal, each once. */
export const validateQualitativeScores = (indicators: readonly PrefilledIndicator[], scores: readonly { name: string; percentOfWeight: number }[]): DomainError[] =>
  scores.flatMap((s, i) => {
    const indicator = indicators.find((x) => x.name === s.name);
    if (!indicator) return [invalid('INDICATOR_UNKNOWN', `指标“${s.name}”不在已批复的绩效目标中`, `qualitativeScores[${i}].name`)];
    if (indicator.direction !== 'qualitative') return [invalid('NOT_QUALITATIVE', `指标“${s.name}”是定量指标，得分按实际值计算，不能人工评分`, `qualitativeScores[${i}]`)];
    if (scores.findIndex((x) => x.name === s.name) !== i) return [invalid('DUPLICATE_SCORE', `指标“${s.name}”重复评分`, `qualitativeScores[${i}]`)];
    return [];
  });
