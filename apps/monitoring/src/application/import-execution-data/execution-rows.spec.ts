import { parseYuanToFen } from './money';
import { parseMonth, validateExecutionRows, type RawExecutionRow } from './execution-rows';

const row = (n: number, values: RawExecutionRow['values']): RawExecutionRow => ({
  row: n,
  values: { projectId: 'P-1', month: '2026-06', allocated: '1000', paid: '250', expectedCarryOver: '0', ...values },
});

describe('money in fen, without floats', () => {
  it.each([
    ['1200000', 120000000],
    ['0.1', 10],
    ['0.29', 29],
    ['1,234.56', 123456],
    [' 7 ', 700],
    ['9999999999999.99', 999999999999999],
  ])('%s yuan is %d fen', (text, fen) => expect(parseYuanToFen(text)).toBe(fen));

  it.each([
    ['', '不能为空'],
    ['-5', '不能为负数'],
    ['1.005', '最多保留两位小数（分）'],
    ['十万', '不是有效金额'],
    ['1e6', '不是有效金额'],
  ])('refuses %j', (text, reason) => expect((parseYuanToFen(text) as { error: string }).error).toContain(reason));
});

describe('months as the budget platform writes them', () => {
  it.each(['2026-06', '2026/6', '2026年6月', '202606'])('%s is June 2026', (text) => expect(parseMonth(text)).toEqual({ fiscalYear: 2026, month: 6 }));
  it('reads a date cell', () => expect(parseMonth(new Date(Date.UTC(2026, 5, 1)))).toEqual({ fiscalYear: 2026, month: 6 }));
  it('refuses month 13', () => expect(parseMonth('2026-13')).toEqual({ error: '“2026-13”的月份应在1至12之间' }));
});

describe('validating execution rows', () => {
  it('turns good rows into figures in fen', () => {
    const { rows, errors } = validateExecutionRows([row(2, { allocated: '1000.5', paid: 250.25, expectedCarryOver: '100' })]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ row: 2, projectId: 'P-1', fiscalYear: 2026, month: 6, allocatedFen: 100050, paidFen: 25025, expectedCarryOverFen: 10000 }]);
  });

  it('lists every error with its row, column and a Chinese reason', () => {
    const { rows, errors } = validateExecutionRows([
      row(2, { projectId: '', month: '六月' }),
      row(3, { paid: '1200' }),
      row(4, { allocated: '1.234', expectedCarryOver: '' }),
      row(5, { expectedCarryOver: '800' }),
    ]);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: '项目编号', message: '项目编号不能为空' },
      { row: 2, column: '月份', message: '月份“六月”不是有效月份，请按“2026-06”填写' },
      { row: 3, column: '支付金额（元）', message: '支付金额1200.00元大于指标下达金额1000.00元' },
      { row: 4, column: '指标下达金额（元）', message: '指标下达金额（元）最多保留两位小数（分）' },
      { row: 4, column: '预计结转金额（元）', message: '预计结转金额（元）不能为空' },
      { row: 5, column: '预计结转金额（元）', message: '预计结转金额800.00元大于尚未支付的指标金额750.00元' },
    ]);
  });

  it('refuses the same project and month twice, naming the first row', () => {
    const { errors } = validateExecutionRows([row(2, {}), row(3, {})]);
    expect(errors).toEqual([{ row: 3, column: '月份', message: '项目P-1的2026年6月数据与第2行重复' }]);
  });

  it('refuses cumulative payments that go down', () => {
    const { errors } = validateExecutionRows([row(2, { month: '2026-05', paid: '300' }), row(3, { month: '2026-06', paid: '250' })]);
    expect(errors).toEqual([
      { row: 3, column: '支付金额（元）', message: '累计支付金额250.00元少于5月的300.00元（第2行），支付金额应为截至当月末的累计数' },
    ]);
  });
});
