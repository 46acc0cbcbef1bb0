import { DomainError, invalid } from '@bpm/decider';
import { EvaluationParameters } from '../parameters';
import { IndicatorToScore, ScoreDerivation, scoreSelfEvaluation } from '../scoring';
import { SelfEvaluationFilled, SelfEvaluationOpened } from './events';
import { IndicatorActual, SelfEvaluationFlag } from './types';

type Opened = SelfEvaluationOpened['data'];
type Filled = Omit<SelfEvaluationFilled['data'], 'by' | 'at'>;
type QualitativeScore = { name: string; percentOfWeight: number };

const blank = (text: unknown) => typeof text !== 'string' || text.trim() === '';

/** What a draft may not contain even before it is complete: unknown names, corrections without reasons. */
export const draftViolations = (opened: Opened, filled: Filled): DomainError[] => {
  const names = new Set(opened.indicators.map((i) => i.name));
  const problems: DomainError[] = [];
  filled.actuals.forEach((entry, i) => {
    const indicator = opened.indicators.find((x) => x.name === entry.name);
    if (!indicator) {
      problems.push(invalid('INDICATOR_UNKNOWN', `指标“${entry.name}”不在已批复的绩效目标中`, `actuals[${i}].name`));
    } else if ((indicator.direction === 'qualitative') !== (entry.kind === 'qualitative')) {
      problems.push(invalid('ACTUAL_KIND_MISMATCH', `指标“${entry.name}”${indicator.direction === 'qualitative' ? '是定性指标，应选择达成程度' : '是定量指标，应确认或更正实际值'}`, `actuals[${i}]`));
    } else if (entry.kind === 'corrected' && blank(entry.reason)) {
      problems.push(invalid('CORRECTION_REASON_REQUIRED', `更正指标“${entry.name}”的实际值须说明理由`, `actuals[${i}].reason`));
    } else if (entry.kind === 'confirmed' && indicator.monitoredActual === undefined) {
      problems.push(invalid('NOTHING_TO_CONFIRM', `指标“${entry.name}”没有监控数据可确认，请填写实际值并说明理由`, `actuals[${i}]`));
    }
  });
  filled.reasons.forEach((reason, i) => {
    if (!names.has(reason.indicatorName)) problems.push(invalid('INDICATOR_UNKNOWN', `指标“${reason.indicatorName}”不在已批复的绩效目标中`, `reasons[${i}].indicatorName`));
    else if (blank(reason.text)) problems.push(invalid('REASON_TEXT_REQUIRED', `指标“${reason.indicatorName}”的偏差原因不能为空`, `reasons[${i}].text`));
  });
  if (filled.executionCorrection && blank(filled.executionCorrection.reason)) {
    problems.push(invalid('CORRECTION_REASON_REQUIRED', '更正预算执行金额须说明理由', 'executionCorrection.reason'));
  }
  return problems;
};

/** The form as the scoring rules read it; refuses an indicator left without an answer. */
export const toScoringInput = (opened: Opened, filled: Filled | undefined, qualitativeScores: readonly QualitativeScore[] = []) => {
  const actuals = filled?.actuals ?? [];
  const indicators: IndicatorToScore[] = opened.indicators.map((indicator) => {
    const entry: IndicatorActual | undefined = actuals.find((a) => a.name === indicator.name);
    if (!entry) throw invalid('ACTUAL_MISSING', `指标“${indicator.name}”尚未确认或填写实际值`, 'actuals');
    const base = { name: indicator.name, level1: indicator.level1, weight: indicator.weight, evidence: indicator.evidence };
    if (entry.kind === 'qualitative') {
      const override = qualitativeScores.find((q) => q.name === indicator.name);
      return { ...base, input: { direction: 'qualitative', rating: entry.rating, percentOfWeight: override?.percentOfWeight ?? entry.percentOfWeight } };
    }
    if (indicator.direction === 'qualitative' || indicator.target === undefined) {
      throw invalid('TARGET_MISSING', `指标“${indicator.name}”缺少年度目标值，无法评分`, 'indicators');
    }
    const actual = entry.kind === 'corrected' ? entry.actual : (indicator.monitoredActual as number);
    return { ...base, input: { direction: indicator.direction, target: indicator.target, actual } };
  });
  return { executedFen: filled?.executionCorrection?.executedFen ?? opened.executedFen, budgetFen: opened.budgetFen, executionEvidence: opened.executionEvidence, indicators };
};

/** Every indicator short of its target states at least one reason. */
export const missingReasons = (derivation: ScoreDerivation, filled: Filled | undefined): DomainError[] =>
  derivation.indicators
    .filter((i) => i.shortfall && !(filled?.reasons ?? []).some((r) => r.indicatorName === i.name && !blank(r.text)))
    .map((i) => invalid('SHORTFALL_REASON_REQUIRED', `指标“${i.name}”未达到目标，须说明原因并标明客观或主观`, 'reasons'));

const differsBeyond = (declared: number, recorded: number, tolerancePercent: number) =>
  recorded === 0 ? declared !== 0 : (Math.abs(declared - recorded) / Math.abs(recorded)) * 100 > tolerancePercent;

/** The checks no one has to ask for: figures that drift from the data, and only objective reasons. */
export const flagsOf = (opened: Opened, filled: Filled | undefined, derivation: ScoreDerivation, parameters: EvaluationParameters): SelfEvaluationFlag[] => {
  const tolerance = parameters.actualDeviationTolerancePercent;
  const flags: SelfEvaluationFlag[] = [];
  for (const entry of filled?.actuals ?? []) {
    const indicator = opened.indicators.find((i) => i.name === entry.name);
    if (entry.kind !== 'corrected' || indicator?.monitoredActual === undefined) continue;
    if (differsBeyond(entry.actual, indicator.monitoredActual, tolerance)) {
      flags.push({
        code: 'ACTUAL_DIFFERS_FROM_MONITORING',
        indicatorName: entry.name,
        monitored: indicator.monitoredActual,
        declared: entry.actual,
        message: `指标“${entry.name}”自评实际值${entry.actual}与监控数据${indicator.monitoredActual}相差超过${tolerance}%`,
      });
    }
  }
  const correction = filled?.executionCorrection;
  if (correction && differsBeyond(correction.executedFen, opened.executedFen, tolerance)) {
    flags.push({
      code: 'EXECUTION_DIFFERS_FROM_DATA',
      recordedFen: opened.executedFen,
      declaredFen: correction.executedFen,
      message: `自评支出${(correction.executedFen / 100).toFixed(2)}元与预算执行数据${(opened.executedFen / 100).toFixed(2)}元相差超过${tolerance}%`,
    });
  }
  const shortfalls = derivation.indicators.filter((i) => i.shortfall).length;
  const reasons = filled?.reasons ?? [];
  if (shortfalls > 0 && reasons.length > 0 && reasons.every((r) => r.nature === 'objective')) {
    flags.push({ code: 'ONLY_OBJECTIVE_REASONS', shortfalls, message: `${shortfalls}项指标未达目标，所列原因均为客观原因，未分析主观原因` });
  }
  return flags;
};
