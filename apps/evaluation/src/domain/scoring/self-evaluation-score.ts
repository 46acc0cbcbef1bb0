import { invalid } from '@bpm/decider';
import { EvaluationParameters } from '../parameters';
import { scoreExecution } from './execution-score';
import { D, Dec, dec, points } from './exact';
import { gradeOf, Grade } from './grade';
import { IndicatorScoreInput, scoreIndicator } from './indicator-score';

export type Level1 = 'output' | 'benefit' | 'satisfaction' | 'cost';
export type Section = 'output' | 'benefit' | 'satisfaction';
const SECTION_OF: Record<Level1, Section> = { output: 'output', cost: 'output', benefit: 'benefit', satisfaction: 'satisfaction' };
const SECTION_LABELS: Record<Section | 'execution', string> = { execution: '预算执行率', output: '产出', benefit: '效益', satisfaction: '满意度' };

/** Where an input came from: the event that supplied it, so a score can name its evidence. */
export type Evidence = Readonly<{ stream: string; version: number; hash: string }>;

export type IndicatorToScore = Readonly<{
  name: string;
  level1: Level1;
  /** 权重 from the approved goal; indicators without weights share their section equally. */
  weight?: number;
  input: IndicatorScoreInput;
  evidence?: readonly Evidence[];
}>;

export type SelfEvaluationToScore = Readonly<{
  executedFen: number;
  budgetFen: number;
  executionEvidence?: readonly Evidence[];
  indicators: readonly IndicatorToScore[];
}>;

export type IndicatorDerivation = Readonly<{
  name: string;
  section: Section;
  direction: IndicatorScoreInput['direction'];
  target?: number;
  actual?: number;
  weight: number;
  maxPoints: number;
  points: number;
  rule: string;
  shortfall: boolean;
  evidence: readonly Evidence[];
}>;

/** A score that explains itself: every part with its rule and the events behind it. */
export type ScoreDerivation = Readonly<{
  execution: Readonly<{ maxPoints: number; points: number; rule: string; evidence: readonly Evidence[] }>;
  sections: Readonly<Record<Section, Readonly<{ label: string; maxPoints: number; points: number }>>>;
  indicators: readonly IndicatorDerivation[];
  total: number;
  grade: Grade;
  gradeRule: string;
}>;

/**
 * 单位自评得分 (DOMAIN.md §5): execution 10, outputs 50, benefits 30, satisfaction 10 by
 * default; each section's points spread over its indicators by weight; computed exactly, shown
 * and graded at two decimals. Computed, never typed.
 */
export const scoreSelfEvaluation = (form: SelfEvaluationToScore, parameters: EvaluationParameters): ScoreDerivation => {
  const p = parameters.selfEvaluationPoints;
  const execution = scoreExecution(form.executedFen, form.budgetFen, p.execution);
  const bySection = groupBySection(form.indicators);
  const derivations: IndicatorDerivation[] = [];
  const sectionTotals = {} as Record<Section, Readonly<{ label: string; maxPoints: number; points: number }>>;
  let total: Dec = execution.points;
  for (const section of ['output', 'benefit', 'satisfaction'] as const) {
    const members = bySection[section];
    if (members.length === 0) {
      throw invalid('SECTION_EMPTY', `一级指标“${SECTION_LABELS[section]}”下没有可评分的指标，无法计算自评得分`, 'indicators');
    }
    const weighted = members.filter(({ indicator }) => indicator.weight !== undefined).length;
    if (weighted > 0 && weighted < members.length) {
      throw invalid('WEIGHTS_PARTIAL', `一级指标“${SECTION_LABELS[section]}”下的指标应全部设置权重或全部不设权重`, 'indicators');
    }
    const weights = members.map(({ indicator, index }) => weightOf(indicator, index));
    const weightSum = weights.reduce((a, b) => a.plus(b), new D(0));
    let sectionPoints: Dec = new D(0);
    members.forEach(({ indicator }, i) => {
      const max = dec(p[section]).mul(weights[i]).div(weightSum);
      const score = scoreIndicator(indicator.input, max, parameters);
      sectionPoints = sectionPoints.plus(score.points);
      derivations.push({
        name: indicator.name,
        section,
        direction: indicator.input.direction,
        ...(indicator.input.direction !== 'qualitative' ? { target: indicator.input.target, actual: indicator.input.actual } : {}),
        weight: weights[i].toNumber(),
        maxPoints: points(max),
        points: points(score.points),
        rule: score.rule,
        shortfall: score.shortfall,
        evidence: indicator.evidence ?? [],
      });
    });
    sectionTotals[section] = { label: SECTION_LABELS[section], maxPoints: p[section], points: points(sectionPoints) };
    total = total.plus(sectionPoints);
  }
  const graded = gradeOf(total, parameters);
  return {
    execution: { maxPoints: p.execution, points: points(execution.points), rule: execution.rule, evidence: form.executionEvidence ?? [] },
    sections: sectionTotals,
    indicators: derivations,
    total: points(total),
    grade: graded.grade,
    gradeRule: `${graded.rule}（各项按精确值合计，显示保留两位小数）`,
  };
};

function groupBySection(indicators: readonly IndicatorToScore[]) {
  const out: Record<Section, { indicator: IndicatorToScore; index: number }[]> = { output: [], benefit: [], satisfaction: [] };
  indicators.forEach((indicator, index) => out[SECTION_OF[indicator.level1]].push({ indicator, index }));
  return out;
}

function weightOf(indicator: IndicatorToScore, index: number): Dec {
  if (indicator.weight === undefined) return new D(1);
  if (!Number.isFinite(indicator.weight) || indicator.weight <= 0) {
    throw invalid('WEIGHT_INVALID', `指标“${indicator.name}”的权重应为大于0的数值`, `indicators[${index}].weight`);
  }
  return dec(indicator.weight);
}

