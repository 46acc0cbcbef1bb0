import { describe, expect, it } from '@jest/globals';
import { percent } from '../shared/rational';
import { ExecutionFigures, executionRate, executionRatio, executionRatioText, fenFromYuan, formatYuan, timeProgress, validateExecutionFigures } from './index';

const june: ExecutionFigures = {
  projectId: 'P-2026-001',
  fiscalYear: 2026,
  month: 6,
  budget: 100_000_000, // 1,000,000.00 元
  allocated: 60_000_000,
  paid: 25_000_000,
  expectedCarryOver: 5_000_000,
};

describe('money in fen', () => {
  it('reads yuan exactly, as typed or as a spreadsheet number', () => {
    expect(fenFromYuan('1,234.56')).toBe(123_456);
    expect(fenFromYuan(1234.5)).toBe(123_450);
    expect(fenFromYuan(0.29)).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(fenFromYuan('  1000 ')).toBe(100_000);
    expect(fenFromYuan('-3.1')).toBe(-310);
  });

  it('refuses more than two decimals and non-numbers, in Chinese', () => {
    expect(() => fenFromYuan('12.345', 'paid', '支付金额')).toThrow('支付金额“12.345”不是有效的金额（元，最多两位小数）');
    expect(() => fenFromYuan('abc')).toThrow('不是有效的金额');
    expect(() => fenFromYuan(Number.NaN)).toThrow('不是有效的金额');
  });

  it('formats fen as yuan', () => {
    expect(formatYuan(123_456)).toBe('1234.56元');
    expect(formatYuan(5)).toBe('0.05元');
    expect(formatYuan(-310)).toBe('-3.10元');
  });
});

describe('execution figures', () => {
  it('execution rate = paid ÷ budget; time progress = month ÷ 12; ratio = rate ÷ progress', () => {
    expect(percent(executionRate(june))).toBe(25);
    expect(percent(timeProgress(6))).toBe(50);
    expect(percent(executionRatio(june))).toBe(50);
    expect(executionRatioText(june)).toBe('执行率25.0%÷时间进度50.0%=50.0%');
  });

  it('accepts consistent figures', () => expect(validateExecutionFigures(june)).toEqual([]));

  it.each([
    [{ paid: 12.5 }, 'AMOUNT_INVALID', 'paid'],
    [{ budget: -1 }, 'AMOUNT_INVALID', 'budget'],
    [{ budget: 0, allocated: 0, paid: 0, expectedCarryOver: 0 }, 'BUDGET_REQUIRED', 'budget'],
    [{ allocated: 100_000_001 }, 'ALLOCATED_EXCEEDS_BUDGET', 'allocated'],
    [{ paid: 60_000_001 }, 'PAID_EXCEEDS_ALLOCATED', 'paid'],
    [{ expectedCarryOver: 75_000_001 }, 'CARRY_OVER_EXCEEDS_BALANCE', 'expectedCarryOver'],
    [{ month: 13 }, 'MONTH_INVALID', 'month'],
    [{ projectId: ' ' }, 'PROJECT_ID_REQUIRED', 'projectId'],
  ])('refuses %j', (change, code, field) => {
    const problems = validateExecutionFigures({ ...june, ...change });
    expect(problems.map((p) => [p.code, p.kind, p.field])).toEqual([[code, 'invalid', field]]);
  });

  it('names the amounts in yuan when refusing', () => {
    expect(validateExecutionFigures({ ...june, paid: 60_000_001 })[0]?.message).toBe('支付金额600000.01元超过已下达指标600000.00元');
  });
});
