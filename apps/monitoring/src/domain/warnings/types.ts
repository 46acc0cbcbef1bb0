/** The words a warning is made of. */

export const DIRECTIONS = ['>=', '<=', '=', 'qualitative'] as const;
/** `>=` higher is better, `<=` lower is better, `=` hit the value, or qualitative (定性). */
export type Direction = (typeof DIRECTIONS)[number];

export const LIKELIHOODS = ['certain', 'possible', 'impossible'] as const;
/** 完成可能性: 确定能 / 有可能 / 完全不可能. */
export type Likelihood = (typeof LIKELIHOODS)[number];
export const LIKELIHOOD_LABELS: Readonly<Record<Likelihood, string>> = {
  certain: '确定能',
  possible: '有可能',
  impossible: '完全不可能',
};

/**
 * How an indicator's actual grows through the year: `cumulative` counts up (培训人次, 改造学校数),
 * so it is compared with the month-prorated target; `latest` is a level or rate (满意度, 合格率,
 * 单位成本), compared with the annual target as it stands.
 */
export type Accumulation = 'cumulative' | 'latest';

const PERCENT_UNITS = ['%', '％', '百分比', '百分率', '‰'];

/** Rates (unit `%`) are `latest`; everything else counts up unless the goal says otherwise. */
export const defaultAccumulation = (unitOfMeasure: string | undefined): Accumulation =>
  unitOfMeasure !== undefined && PERCENT_UNITS.includes(unitOfMeasure.trim()) ? 'latest' : 'cumulative';

/** One indicator of the approved goal, as monitoring needs it. */
export type MonitoredIndicator = Readonly<{
  name: string;
  direction: Direction;
  unitOfMeasure?: string;
  /** 年度指标值: number for quantitative indicators, text for qualitative ones. */
  annualTarget: number | string;
  accumulation: Accumulation;
}>;

/** What the unit reports for one indicator in a month. */
export type IndicatorActual = Readonly<{
  indicatorName: string;
  /** Actual to date: a number for quantitative indicators, a description for qualitative ones. */
  actual: number | string;
  likelihood: Likelihood;
}>;

export type Level = 'red' | 'yellow' | 'green';
export const LEVEL_LABELS: Readonly<Record<Level, string>> = { red: '红色', yellow: '黄色', green: '绿色' };

/** Which rule produced a signal (one rule, one place: see the file of the same name). */
export type WarningRule = 'execution-ratio' | 'indicator-prorated' | 'indicator-latest' | 'indicator-qualitative' | 'target-too-low';

export type Subject = Readonly<{ kind: 'execution' }> | Readonly<{ kind: 'indicator'; indicatorName: string }>;

/**
 * What one rule found about one subject, with the numbers it used (percentages rounded to one
 * decimal, amounts in fen) and the sentence a reader needs to see why. `flag` is the
 * target-too-low notice: not a risk to the project, a question about its goal.
 */
export type Signal = Readonly<{
  rule: WarningRule;
  subject: Subject;
  level: Level | 'flag';
  figures: Readonly<Record<string, number>>;
  explanation: string;
}>;

/** A signal that asks for attention: red, yellow or a target-too-low flag. */
export type Warning = Signal & Readonly<{ level: 'red' | 'yellow' | 'flag' }>;

export const isWarning = (s: Signal): s is Warning => s.level !== 'green';
