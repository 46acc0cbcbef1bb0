import { describe, expect, it } from '@jest/globals';
import { ExecutionFigures } from '../execution';
import { resolveMonitoringParameters } from '../parameters';
import { MonitoredIndicator, assessExecution, assessIndicator, assessMonth, defaultAccumulation, redWarnings } from './index';

const params = resolveMonitoringParameters('示例县', 2026);
const figures = (paid: number, month = 6): ExecutionFigures => ({
  projectId: 'P-1',
  fiscalYear: 2026,
  month,
  budget: 100_000_000,
  allocated: 100_000_000,
  paid,
  expectedCarryOver: 0,
});

const schools: MonitoredIndicator = { name: '改造学校数量', direction: '>=', unitOfMeasure: '所', annualTarget: 24, accumulation: 'cumulative' };
const satisfaction: MonitoredIndicator = { name: '学生满意度', direction: '>=', unitOfMeasure: '%', annualTarget: 90, accumulation: 'latest' };
const unitCost: MonitoredIndicator = { name: '生均改造成本', direction: '<=', unitOfMeasure: '元', annualTarget: 100, accumulation: 'latest' };
const classSize: MonitoredIndicator = { name: '班额', direction: '=', unitOfMeasure: '人', annualTarget: 45, accumulation: 'latest' };
const quality: MonitoredIndicator = { name: '校舍安全状况', direction: 'qualitative', annualTarget: '消除D级危房', accumulation: 'latest' };

const actual = (indicator: MonitoredIndicator, value: number | string, likelihood: 'certain' | 'possible' | 'impossible' = 'certain') => ({
  indicatorName: indicator.name,
  actual: value,
  likelihood,
});

describe('execution warning (执行进度预警)', () => {
  it('25 % paid in June is red, with its numbers and rule', () => {
    expect(assessExecution(figures(25_000_000), params)).toEqual({
      rule: 'execution-ratio',
      subject: { kind: 'execution' },
      level: 'red',
      figures: {
        budget: 100_000_000,
        paid: 25_000_000,
        month: 6,
        executionRatePercent: 25,
        timeProgressPercent: 50,
        executionRatioPercent: 50,
        redThresholdPercent: 60,
        yellowThresholdPercent: 80,
      },
      explanation: '执行率25.0%÷时间进度50.0%=50.0%，低于红色阈值60%',
    });
  });

  it.each([
    [29_999_999, 'red'], // 59.99999…% — just under
    [30_000_000, 'yellow'], // exactly 60 %: not below red
    [39_999_999, 'yellow'],
    [40_000_000, 'green'], // exactly 80 %
    [100_000_000, 'green'],
  ])('paid %i fen of 1,000,000 yuan in June is %s (exact at the thresholds)', (paid, level) => {
    expect(assessExecution(figures(paid), params).level).toBe(level);
  });

  it('explains yellow and green', () => {
    expect(assessExecution(figures(35_000_000), params).explanation).toBe('执行率35.0%÷时间进度50.0%=70.0%，低于黄色阈值80%，不低于红色阈值60%');
    expect(assessExecution(figures(45_000_000), params).explanation).toBe('执行率45.0%÷时间进度50.0%=90.0%，不低于黄色阈值80%');
  });

  it('uses the region’s own bands', () => {
    const lenient = resolveMonitoringParameters('示例县', 2026, { executionRatioBands: { red: 40, yellow: 55 } });
    expect(assessExecution(figures(25_000_000), lenient)).toMatchObject({ level: 'yellow', explanation: '执行率25.0%÷时间进度50.0%=50.0%，低于黄色阈值55%，不低于红色阈值40%' });
  });
});

describe('indicator warnings (指标进度预警)', () => {
  it('`>=` cumulative compares the actual with the month-prorated target', () => {
    const [signal] = assessIndicator(schools, actual(schools, 6), 6, params);
    expect(signal).toMatchObject({
      rule: 'indicator-prorated',
      level: 'red',
      figures: { actual: 6, annualTarget: 24, expectedToDate: 12, completionPercent: 50 },
      explanation: '累计完成6所÷序时目标（年度目标24所×6÷12=12所）=50.0%，低于红色阈值60%',
    });
    expect(assessIndicator(schools, actual(schools, 8), 6, params)[0]?.level).toBe('yellow');
    expect(assessIndicator(schools, actual(schools, 12), 6, params)).toHaveLength(1);
  });

  it('`>=` cumulative at 120 % or more of the prorated target flags a target set too low', () => {
    const signals = assessIndicator(schools, actual(schools, 3), 1, params); // 3 ÷ (24 × 1 ÷ 12 = 2) = 150 %
    expect(signals.map((s) => [s.rule, s.level])).toEqual([
      ['indicator-prorated', 'green'],
      ['target-too-low', 'flag'],
    ]);
    expect(signals[1]?.explanation).toBe('累计完成3所÷序时目标（年度目标24所×1÷12=2所）=150.0%，达到120%，目标设定偏低');
    expect(assessIndicator(schools, actual(schools, 2.39), 1, params)).toHaveLength(1); // 119.5 %
    expect(assessIndicator(schools, actual(schools, 2.4), 1, params)).toHaveLength(2); // exactly 120 %
  });

  it('`>=` rates compare the latest value with the annual target', () => {
    expect(assessIndicator(satisfaction, actual(satisfaction, 60), 3, params)[0]).toMatchObject({
      rule: 'indicator-latest',
      level: 'yellow',
      explanation: '当前值60%÷年度目标90%=66.7%，低于黄色阈值80%，不低于红色阈值60%',
    });
  });

  it('`<=` is on target at or below the ceiling, and banded by target ÷ value above it', () => {
    expect(assessIndicator(unitCost, actual(unitCost, 100), 6, params)[0]).toMatchObject({ level: 'green', explanation: '当前值100元未超过年度目标上限100元，不低于黄色阈值80%' });
    expect(assessIndicator(unitCost, actual(unitCost, 125), 6, params)[0]).toMatchObject({
      level: 'green',
      explanation: '当前值125元高于年度目标上限100元，年度目标÷当前值=80.0%，不低于黄色阈值80%',
    });
    expect(assessIndicator(unitCost, actual(unitCost, 200), 6, params)[0]?.level).toBe('red');
  });

  it('`=` is banded by how close the latest value is to the target', () => {
    expect(assessIndicator(classSize, actual(classSize, 54), 6, params)[0]).toMatchObject({
      level: 'green',
      explanation: '当前值54人与年度目标45人相差9人，达标程度80.0%，不低于黄色阈值80%',
    });
    expect(assessIndicator(classSize, actual(classSize, 36), 6, params)[0]?.level).toBe('green');
    expect(assessIndicator(classSize, actual(classSize, 30), 6, params)[0]?.level).toBe('yellow');
    expect(assessIndicator(classSize, actual(classSize, 90), 6, params)[0]?.figures['completionPercent']).toBe(0);
    const zero = { ...classSize, annualTarget: 0 };
    expect(assessIndicator(zero, actual(zero, 0), 6, params)[0]?.level).toBe('green');
    expect(assessIndicator(zero, actual(zero, 1), 6, params)[0]?.level).toBe('red');
  });

  it.each([
    ['impossible', 'red', '定性指标“校舍安全状况”，单位判断完成可能性为“完全不可能”，按红色预警'],
    ['possible', 'yellow', '定性指标“校舍安全状况”，单位判断完成可能性为“有可能”，按黄色预警'],
    ['certain', 'green', '定性指标“校舍安全状况”，单位判断完成可能性为“确定能”，不预警'],
  ] as const)('a qualitative indicator follows the likelihood: %s → %s', (likelihood, level, explanation) => {
    expect(assessIndicator(quality, actual(quality, '已排查', likelihood), 6, params)).toEqual([
      { rule: 'indicator-qualitative', subject: { kind: 'indicator', indicatorName: '校舍安全状况' }, level, figures: {}, explanation },
    ]);
  });

  it('rates default to `latest`, counts to `cumulative`', () => {
    expect(defaultAccumulation('%')).toBe('latest');
    expect(defaultAccumulation('所')).toBe('cumulative');
    expect(defaultAccumulation(undefined)).toBe('cumulative');
  });
});

describe('a month’s assessment', () => {
  it('lists every signal and, apart, the warnings; red ones open cases', () => {
    const assessment = assessMonth({
      month: 6,
      execution: figures(25_000_000),
      indicators: [schools, satisfaction, quality, unitCost],
      actuals: [actual(schools, 12), actual(satisfaction, 72), actual(quality, '推进中', 'impossible')],
      parameters: params,
    });
    expect(assessment.signals.map((s) => [s.subject.kind === 'indicator' ? s.subject.indicatorName : '执行', s.level])).toEqual([
      ['执行', 'red'],
      ['改造学校数量', 'green'],
      ['学生满意度', 'green'],
      ['校舍安全状况', 'red'],
    ]);
    expect(assessment.warnings).toHaveLength(2);
    expect(redWarnings(assessment).map((w) => w.rule)).toEqual(['execution-ratio', 'indicator-qualitative']);
  });

  it('judges no execution without imported figures', () => {
    expect(assessMonth({ month: 6, indicators: [], actuals: [], parameters: params })).toEqual({ signals: [], warnings: [] });
  });
});
