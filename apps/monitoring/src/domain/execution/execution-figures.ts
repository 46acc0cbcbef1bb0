import { DomainError, invalid } from '../shared/domain-error';
import { Rational, div, percentText } from '../shared/rational';
import { Fen, formatYuan, nonNegativeFen } from './money';

/**
 * One project's execution at the end of a month, from the budget platform (预算管理一体化):
 * all amounts to date (累计), in fen. A corrected import of the month supersedes the figures
 * as a whole.
 */
export type ExecutionFigures = Readonly<{
  projectId: string;
  fiscalYear: number;
  /** 1..12 */
  month: number;
  /** 年度预算（调整后）: the project's budget for the year, as adjusted. */
  budget: Fen;
  /** 指标下达: allocated to date. */
  allocated: Fen;
  /** 支付: paid to date. */
  paid: Fen;
  /** 预计结转: expected carry-over at year end. */
  expectedCarryOver: Fen;
}>;

export const isMonth = (m: unknown): m is number => typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 12;

/**
 * Every problem with one row of figures, each naming its field (the import maps fields to
 * columns). Paid cannot exceed allocated, nor allocated the budget: the treasury pays only
 * against allocated funds (国库集中支付).
 */
export const validateExecutionFigures = (f: ExecutionFigures): DomainError[] => {
  const problems: DomainError[] = [];
  if (typeof f.projectId !== 'string' || f.projectId.trim() === '') problems.push(invalid('PROJECT_ID_REQUIRED', '缺少项目编号', 'projectId'));
  if (!Number.isInteger(f.fiscalYear)) problems.push(invalid('FISCAL_YEAR_INVALID', `年度“${f.fiscalYear}”无效`, 'fiscalYear'));
  if (!isMonth(f.month)) problems.push(invalid('MONTH_INVALID', `月份“${f.month}”无效，应为1至12`, 'month'));
  const amounts = [
    ...nonNegativeFen(f.budget, 'budget', '年度预算（调整后）'),
    ...nonNegativeFen(f.allocated, 'allocated', '指标下达金额'),
    ...nonNegativeFen(f.paid, 'paid', '支付金额'),
    ...nonNegativeFen(f.expectedCarryOver, 'expectedCarryOver', '预计结转金额'),
  ];
  problems.push(...amounts);
  if (amounts.length > 0) return problems;
  if (f.budget === 0) problems.push(invalid('BUDGET_REQUIRED', '年度预算（调整后）应大于0', 'budget'));
  if (f.allocated > f.budget) {
    problems.push(invalid('ALLOCATED_EXCEEDS_BUDGET', `指标下达金额${formatYuan(f.allocated)}超过年度预算${formatYuan(f.budget)}`, 'allocated'));
  }
  if (f.paid > f.allocated) {
    problems.push(invalid('PAID_EXCEEDS_ALLOCATED', `支付金额${formatYuan(f.paid)}超过已下达指标${formatYuan(f.allocated)}`, 'paid'));
  }
  if (f.expectedCarryOver > f.budget - f.paid) {
    problems.push(
      invalid(
        'CARRY_OVER_EXCEEDS_BALANCE',
        `预计结转金额${formatYuan(f.expectedCarryOver)}超过预算未支付余额${formatYuan(f.budget - f.paid)}`,
        'expectedCarryOver',
      ),
    );
  }
  return problems;
};

/** 预算执行率 = paid to date ÷ the project's budget for the year (as adjusted). */
export const executionRate = (f: Pick<ExecutionFigures, 'paid' | 'budget'>): Rational => div({ n: BigInt(f.paid), d: 1n }, { n: BigInt(f.budget), d: 1n });

/** 时间进度 = month ÷ 12. */
export const timeProgress = (month: number): Rational => ({ n: BigInt(month), d: 12n });

/** 执行进度比 = execution rate ÷ time progress. */
export const executionRatio = (f: Pick<ExecutionFigures, 'paid' | 'budget' | 'month'>): Rational => div(executionRate(f), timeProgress(f.month));

/** The three percentages as shown, e.g. `执行率25.0%÷时间进度50.0%=50.0%`. */
export const executionRatioText = (f: Pick<ExecutionFigures, 'paid' | 'budget' | 'month'>): string =>
  `执行率${percentText(executionRate(f))}÷时间进度${percentText(timeProgress(f.month))}=${percentText(executionRatio(f))}`;
