import { DomainError } from '@bpm/decider';
import { DEFAULT_EVALUATION_PARAMETERS as P } from '../parameters';
import { dec, points } from './exact';
import { gradeOf } from './grade';
import { IndicatorScoreInput, scoreIndicator } from './indicator-score';
import { scoreExecution } from './execution-score';
import { scoreSelfEvaluation, IndicatorToScore } from './self-evaluation-score';

const score = (input: IndicatorScoreInput, max = 10) => scoreIndicator(input, dec(max), P);

describe('scoring one indicator by its direction (DOMAIN.md §5)', () => {
  it.each([
    // direction, target, actual, expected points of 10, shortfall
    ['>=', 100, 100, 10, false],
    ['>=', 100, 150, 10, false], // over-achievement earns no more than full
    ['>=', 100, 80, 8, true],
    ['>=', 3, 1, 3.33, true], // 1/3 × 10, rounded for display only
    ['>=', 100, 0, 0, true],
    ['>=', 100, -5, 0, true], // a negative actual earns nothing, never negative points
    ['>=', 0, 0, 10, false], // zero target met
    ['>=', 0, -1, 0, true], // zero target missed: no ratio to take
    ['<=', 10, 8, 10, false],
    ['<=', 10, 10, 10, false],
    ['<=', 10, 15, 5, true], // (1 − 5/10) × 10
    ['<=', 10, 19.9, 0.1, true],
    ['<=', 10, 20, 0, true], // 2 × target
    ['<=', 10, 35, 0, true],
    ['<=', 0, 0, 10, false],
    ['<=', 0, 1, 0, true],
    ['=', 100, 100, 10, false],
    ['=', 100, 90, 9, true],
    ['=', 100, 120, 10, false], // scored like >=
    ['=', 0, 0, 10, false], // zero target: full only when actual ≤ 0
    ['=', 0, -2, 10, false],
    ['=', 0, 0.01, 0, true],
  ] as const)('%s target %d, actual %d → %d points', (direction, target, actual, expected, shortfall) => {
    const result = score({ direction, target, actual });
    expect(points(result.points)).toBe(expected);
    expect(result.shortfall).toBe(shortfall);
    expect(result.rule).toContain(String(actual));
  });

  it('exact: 0.1 + 0.2 style inputs do not drift (0.3 of 0.3 is full, 0.29 of 0.3 is 9.67)', () => {
    expect(points(score({ direction: '>=', target: 0.3, actual: 0.1 + 0.2 }).points)).toBe(10);
    expect(points(score({ direction: '>=', target: 0.3, actual: 0.29 }).points)).toBe(9.67);
  });

  it.each([
    ['achieved', 100, 10],
    ['achieved', 80, 8],
    ['partly-achieved', 60, 6],
    ['partly-achieved', 79.9, 7.99],
    ['not-achieved', 0, 0],
    ['not-achieved', 59, 5.9],
  ] as const)('qualitative %s at %d%% of the weight → %d points', (rating, percentOfWeight, expected) => {
    expect(points(score({ direction: 'qualitative', rating, percentOfWeight }).points)).toBe(expected);
  });

  it.each([
    ['achieved', 79.99],
    ['partly-achieved', 80],
    ['partly-achieved', 59],
    ['not-achieved', 60],
    ['achieved', 101],
    ['not-achieved', -1],
    ['achieved', Number.NaN],
  ] as const)('qualitative %s at %d%% is outside its band and refused', (rating, percentOfWeight) => {
    expect(() => score({ direction: 'qualitative', rating, percentOfWeight })).toThrow(
      expect.objectContaining({ code: 'QUALITATIVE_SCORE_OUT_OF_BAND', kind: 'invalid' }),
    );
  });
});

describe('the execution part: min(executed ÷ budget × 10, 10), in fen', () => {
  it.each([
    [1_000_000, 1_000_000, 10],
    [500_000, 1_000_000, 5],
    [1_200_000, 1_000_000, 10],
    [0, 1_000_000, 0],
    [333_333, 1_000_000, 3.33],
  ])('executed %d of %d → %d', (executed, budget, expected) => {
    expect(points(scoreExecution(executed, budget, 10).points)).toBe(expected);
  });

  it('names the rate in yuan and percent', () => {
    expect(scoreExecution(250_000_00, 1_000_000_00, 10).rule).toBe('预算执行率=250000.00÷1000000.00=25%，得分=min(25%×10，10)=2.5');
  });

  it.each([
    [100, 0, 'BUDGET_INVALID'],
    [100, 1.5, 'BUDGET_INVALID'],
    [-1, 100, 'EXECUTED_INVALID'],
  ])('refuses executed %d of budget %d', (executed, budget, code) => {
    expect(() => scoreExecution(executed, budget, 10)).toThrow(expect.objectContaining({ code }));
  });
});

describe('grades at their band limits (优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60)', () => {
  it.each([
    ['100', 'excellent'],
    ['90', 'excellent'],
    ['89.995', 'excellent'], // graded on the score rounded to two decimals: 90.00
    ['89.994', 'good'],
    ['80', 'good'],
    ['79.99', 'fair'],
    ['60', 'fair'],
    ['59.99', 'poor'],
    ['0', 'poor'],
  ] as const)('%s → %s', (total, grade) => {
    expect(gradeOf(dec(total), P).grade).toBe(grade);
  });

  it('follows the region’s thresholds', () => {
    expect(gradeOf(dec(88), { ...P, gradeThresholds: { excellent: 85, good: 75, fair: 60 } }).grade).toBe('excellent');
  });
});

describe('a whole self-evaluation', () => {
  const indicators: IndicatorToScore[] = [
    { name: '校舍维修改造面积', level1: 'output', weight: 30, input: { direction: '>=', target: 12000, actual: 12000 } },
    { name: '工程验收合格率', level1: 'output', weight: 20, input: { direction: '>=', target: 100, actual: 95 } },
    { name: '单位造价', level1: 'cost', weight: 10, input: { direction: '<=', target: 1000, actual: 1100 } },
    { name: '改善办学条件', level1: 'benefit', input: { direction: 'qualitative', rating: 'partly-achieved', percentOfWeight: 70 } },
    { name: '师生满意度', level1: 'satisfaction', input: { direction: '>=', target: 90, actual: 92 }, evidence: [{ stream: 'monitoringReport-P1-2026-12', version: 3, hash: 'ab' }] },
  ];

  it('spreads each section by weight, cost within outputs, and explains every part', () => {
    const result = scoreSelfEvaluation({ executedFen: 1_140_000_00, budgetFen: 1_200_000_00, indicators }, P);
    // outputs 50 over weights 30/20/10: 25 + 16.67×0.95 + 8.33×0.9
    expect(result.indicators.map((i) => [i.name, i.maxPoints, i.points])).toEqual([
      ['校舍维修改造面积', 25, 25],
      ['工程验收合格率', 16.67, 15.83],
      ['单位造价', 8.33, 7.5],
      ['改善办学条件', 30, 21],
      ['师生满意度', 10, 10],
    ]);
    expect(result.execution.points).toBe(9.5);
    expect(result.sections.output.points).toBe(48.33);
    expect(result.total).toBe(88.83); // 9.5 + 48.333… + 21 + 10
    expect(result.grade).toBe('good');
    expect(result.indicators[4].evidence).toEqual([{ stream: 'monitoringReport-P1-2026-12', version: 3, hash: 'ab' }]);
    expect(result.indicators[1].rule).toBe('实际值95<目标值100（越大越好），得分=95÷100×16.67=15.83');
  });

  it('a perfect project scores exactly 100 even when thirds do not divide evenly', () => {
    const thirds: IndicatorToScore[] = [
      { name: 'a', level1: 'output', input: { direction: '>=', target: 1, actual: 1 } },
      { name: 'b', level1: 'output', input: { direction: '>=', target: 1, actual: 1 } },
      { name: 'c', level1: 'output', input: { direction: '>=', target: 1, actual: 1 } },
      { name: 'd', level1: 'benefit', input: { direction: '>=', target: 1, actual: 1 } },
      { name: 'e', level1: 'satisfaction', input: { direction: '>=', target: 1, actual: 1 } },
    ];
    const result = scoreSelfEvaluation({ executedFen: 100, budgetFen: 100, indicators: thirds }, P);
    expect(result.total).toBe(100);
    expect(result.grade).toBe('excellent');
  });

  it('refuses a section without indicators and weights set on only some', () => {
    const noBenefit = indicators.filter((i) => i.level1 !== 'benefit');
    expect(() => scoreSelfEvaluation({ executedFen: 1, budgetFen: 1, indicators: noBenefit }, P)).toThrow(DomainError);
    const partial = indicators.map((i) => (i.name === '单位造价' ? { ...i, weight: undefined } : i));
    expect(() => scoreSelfEvaluation({ executedFen: 1, budgetFen: 1, indicators: partial }, P)).toThrow(
      expect.objectContaining({ code: 'WEIGHTS_PARTIAL' }),
    );
  });
});
