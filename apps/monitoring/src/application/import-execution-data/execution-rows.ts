import { fenFromYuan, formatYuan, validateExecutionFigures, type ExecutionFigures, type Fen } from '../../domain/execution';
import { isDomainError } from '../../domain/shared';

/**
 * The one validation of budget execution data (预算执行数据), whichever way it came in: a file's
 * rows, a machine feed's records or one manual entry are all turned into {@link RawExecutionRow}s
 * first and checked here, so the same mistake gets the same Chinese reason everywhere.
 *
 * Amounts are cumulative to the end of the month (截至当月末累计), as the budget platform reports them.
 */
export const EXECUTION_COLUMNS = [
  { key: 'projectId', header: '项目编号', required: true, example: 'P-U001-0001' },
  { key: 'projectName', header: '项目名称', required: false, example: '义务教育学校校舍改造（仅供核对，可不填）' },
  { key: 'month', header: '月份', required: true, example: '2026-06' },
  { key: 'allocated', header: '指标下达金额（元）', required: true, example: '1200000.00' },
  { key: 'paid', header: '支付金额（元）', required: true, example: '300000.00' },
  { key: 'expectedCarryOver', header: '预计结转金额（元）', required: true, example: '0.00' },
] as const;

export type ExecutionColumnKey = (typeof EXECUTION_COLUMNS)[number]['key'];
export const headerOf = (key: ExecutionColumnKey): string => EXECUTION_COLUMNS.find((c) => c.key === key)!.header;

/** One record as it arrived: every value still text (a file cell, a JSON value), nothing trusted. */
export interface RawExecutionRow {
  /** Where a person finds it: the sheet's row number, or the record's 1-based position. */
  row: number;
  values: Partial<Record<ExecutionColumnKey, unknown>>;
}

/** 预算执行数据 of one project for one month as read, in fen, before the project's budget is known. */
export type ParsedFigures = Omit<ExecutionFigures, 'budget'>;

export interface ValidRow extends ParsedFigures {
  row: number;
}

/** One reason a row was refused: row, column (its Chinese header) and a reason a clerk can act on. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ValidatedRows {
  rows: ValidRow[];
  errors: RowError[];
}

const MONTH_PATTERNS = [/^(\d{4})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})$/, /^(\d{4})年(\d{1,2})月$/, /^(\d{4})(\d{2})$/];

/** `2026-06`, `2026/6`, `2026年6月`, `202606`, or a date cell (the budget platform exports all of them). */
export function parseMonth(value: unknown): { fiscalYear: number; month: number } | { error: string } {
  if (value instanceof Date) return { fiscalYear: value.getUTCFullYear(), month: value.getUTCMonth() + 1 };
  const text = textOf(value);
  if (text === '') return { error: '不能为空' };
  for (const pattern of MONTH_PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { error: `“${text}”的月份应在1至12之间` };
    return { fiscalYear: Number(m[1]), month };
  }
  return { error: `“${text}”不是有效月份，请按“2026-06”填写` };
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value).trim();
}

function validateRow(raw: RawExecutionRow, errors: RowError[]): ValidRow | undefined {
  const before = errors.length;
  const fail = (key: ExecutionColumnKey, message: string) => errors.push({ row: raw.row, column: headerOf(key), message });

  const projectId = textOf(raw.values.projectId);
  if (projectId === '') fail('projectId', '项目编号不能为空');
  else if (projectId.length > 64 || /\s/.test(projectId)) fail('projectId', `项目编号“${projectId}”格式不正确`);

  const month = parseMonth(raw.values.month);
  if ('error' in month) fail('month', `月份${month.error}`);

  const amount = (key: 'allocated' | 'paid' | 'expectedCarryOver'): Fen | undefined => {
    const text = textOf(raw.values[key]);
    if (text === '') return void fail(key, `${headerOf(key)}不能为空`);
    try {
      return fenFromYuan(text, key, headerOf(key));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return void fail(key, error.message);
    }
  };
  const allocated = amount('allocated');
  const paid = amount('paid');
  const expectedCarryOver = amount('expectedCarryOver');
  if (errors.length > before || 'error' in month) return undefined;
  return { row: raw.row, projectId, ...month, allocated: allocated!, paid: paid!, expectedCarryOver: expectedCarryOver! };
}

/**
 * Checks every row and the rows against each other: one figure per project and month, and
 * cumulative payments that never go down from one month to the next. Every error is listed,
 * so a clerk fixes the whole file at once.
 */
export function validateExecutionRows(raws: readonly RawExecutionRow[]): ValidatedRows {
  const errors: RowError[] = [];
  const rows: ValidRow[] = [];
  const seen = new Map<string, ValidRow>();
  for (const raw of raws) {
    const row = validateRow(raw, errors);
    if (!row) continue;
    const key = `${row.projectId}|${row.fiscalYear}-${row.month}`;
    const first = seen.get(key);
    if (first) {
      errors.push({ row: row.row, column: headerOf('month'), message: `项目${row.projectId}的${row.fiscalYear}年${row.month}月数据与第${first.row}行重复` });
      continue;
    }
    seen.set(key, row);
    rows.push(row);
  }
  errors.push(...decreasingPayments(rows));
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

function decreasingPayments(rows: readonly ValidRow[]): RowError[] {
  const byProject = new Map<string, ValidRow[]>();
  for (const row of rows) {
    const key = `${row.projectId}|${row.fiscalYear}`;
    const months = byProject.get(key);
    if (months) months.push(row);
    else byProject.set(key, [row]);
  }
  const errors: RowError[] = [];
  for (const months of byProject.values()) {
    months.sort((a, b) => a.month - b.month);
    for (let i = 1; i < months.length; i++) {
      const [earlier, later] = [months[i - 1], months[i]];
      if (later.paid < earlier.paid) {
        errors.push({
          row: later.row,
          column: headerOf('paid'),
          message: `累计支付金额${formatYuan(later.paid)}少于${earlier.month}月的${formatYuan(earlier.paid)}（第${earlier.row}行），支付金额应为截至当月末的累计数`,
        });
      }
    }
  }
  return errors;
}

/**
 * The domain's rules for figures (paid within allocated, allocated within the budget, carry-over
 * within the unpaid balance), once the project's budget for the year is known.
 */
export function ruleErrors(row: ValidRow, budget: Fen): RowError[] {
  const { row: rowNumber, ...figures } = row;
  return validateExecutionFigures({ ...figures, budget }).map((e) => ({
    row: rowNumber,
    column: COLUMN_KEYS.has(e.field as ExecutionColumnKey) ? headerOf(e.field as ExecutionColumnKey) : headerOf('allocated'),
    message: e.message,
  }));
}

const COLUMN_KEYS = new Set<ExecutionColumnKey>(EXECUTION_COLUMNS.map((c) => c.key));
