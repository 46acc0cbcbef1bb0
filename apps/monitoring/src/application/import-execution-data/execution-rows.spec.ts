import { parseMonth, ruleErrors, validateExecutionRows, type RawExecutionRow } from './execution-rows';

const row = (n: number, values: RawExecutionRow['values']): RawExecutionRow => ({
  row: n,
  values: { projectId: 'P-1', month: '2026-06', allocated: '1000', paid: '250', expectedCarryOver: '0', ...values },
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
    expect(rows).toEqual([{ row: 2, projectId: 'P-1', fiscalYear: 2026, month: 6, allocated: 100050, paid: 25025, expectedCarryOver: 10000 }]);
  });

  it('lists every reading error with its row, column and a Chinese reason', () => {
    const { rows, errors } = validateExecutionRows([
      row(2, { projectId: '', month: '六月' }),
      row(3, { allocated: '1.234', expectedCarryOver: '' }),
      row(4, { paid: '十万' }),
    ]);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: '项目编号', message: '项目编号不能为空' },
      { row: 2, column: '月份', message: '月份“六月”不是有效月份，请按“2026-06”填写' },
      { row: 3, column: '指标下达金额（元）', message: '指标下达金额（元）“1.234”不是有效的金额（元，最多两位小数）' },
      { row: 3, column: '预计结转金额（元）', message: '预计结转金额（元）不能为空' },
      { row: 4, column: '支付金额（元）', message: '支付金额（元）“十万”不是有效的金额（元，最多两位小数）' },
    ]);
  });

  it('applies the domain’s figure rules once the budget is known, on the right column', () => {
    const [valid] = validateExecutionRows([row(3, { allocated: '1000', paid: '1200', expectedCarryOver: '-1' })]).rows;
    expect(ruleErrors(valid, 150_000).map((e) => [e.row, e.column])).toEqual([[3, '预计结转金额（元）']]);
    const [overpaid] = validateExecutionRows([row(3, { allocated: '1000', paid: '1200' })]).rows;
    expect(ruleErrors(overpaid, 150_000)).toEqual([{ row: 3, column: '支付金额（元）', message: '支付金额1200.00元超过已下达指标1000.00元' }]);
    const [overAllocated] = validateExecutionRows([row(4, { allocated: '2000' })]).rows;
    expect(ruleErrors(overAllocated, 150_000)).toEqual([{ row: 4, column: '指标下达金额（元）', message: '指标下达金额2000.00元超过年度预算1500.00元' }]);
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
