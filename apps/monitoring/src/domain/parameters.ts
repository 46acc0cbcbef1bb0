import { DomainError, invalid } from './shared/domain-error';

/** Bands in percent: below `red` is red, below `yellow` is yellow, otherwise green. */
export type Bands = Readonly<{ red: number; yellow: number }>;

/**
 * Every monitoring rule with a number is a parameter per region (区划) and fiscal year (年度),
 * with DOMAIN.md's defaults. Commands carry the resolved parameters, so deciders stay pure.
 */
export type MonitoringParameters = Readonly<{
  region: string;
  fiscalYear: number;
  /** Execution ratio = execution rate ÷ time progress, in percent. */
  executionRatioBands: Bands;
  /** Indicator completion against its (prorated) target, in percent. */
  indicatorBands: Bands;
  /** Completion at or above this percent of the prorated target flags 目标设定偏低. */
  targetTooLowPercent: number;
  /** 纠偏: the unit answers within this many working days of the case opening. */
  correctiveAnswerWorkingDays: number;
  /** Reminders (corrective answer, monthly report) go out this many working days before the due date. */
  reminderWorkingDaysBefore: number;
  /** The report on month m opens on this day of month m + 1 … */
  monthlyReportOpenDay: number;
  /** … and is due on this day of month m + 1 (on the next working day when that is a holiday). */
  monthlyReportDueDay: number;
  /** The department-wide (部门整体) report is filed at this month's node (June). */
  departmentWideMonth: number;
}>;

export type MonitoringParameterValues = Omit<MonitoringParameters, 'region' | 'fiscalYear'>;

export const DEFAULT_MONITORING_PARAMETERS: MonitoringParameterValues = {
  executionRatioBands: { red: 60, yellow: 80 },
  indicatorBands: { red: 60, yellow: 80 },
  targetTooLowPercent: 120,
  correctiveAnswerWorkingDays: 10,
  reminderWorkingDaysBefore: 2,
  monthlyReportOpenDay: 1,
  monthlyReportDueDay: 10,
  departmentWideMonth: 6,
};

export type MonitoringParameterOverrides = Partial<MonitoringParameterValues>;

/** The region's parameters for the year: defaults, overridden, validated (throws the first problem). */
export const resolveMonitoringParameters = (
  region: string,
  fiscalYear: number,
  overrides: MonitoringParameterOverrides = {},
): MonitoringParameters => {
  const params: MonitoringParameters = { ...DEFAULT_MONITORING_PARAMETERS, ...overrides, region, fiscalYear };
  const problems = validateMonitoringParameters(params);
  if (problems.length > 0) throw problems[0];
  return params;
};

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Every problem, each in Chinese with its field, so the admin's form can show them all. */
export const validateMonitoringParameters = (p: MonitoringParameters): DomainError[] => {
  const problems: DomainError[] = [];
  const problem = (field: string, message: string) => problems.push(invalid('PARAMETER_INVALID', message, field));

  if (typeof p.region !== 'string' || p.region.trim() === '') problem('region', '参数所属区划不能为空');
  if (!isInt(p.fiscalYear) || p.fiscalYear < 2000 || p.fiscalYear > 2100) problem('fiscalYear', `年度“${p.fiscalYear}”无效`);

  const bands = (b: Bands | undefined, field: string, label: string) => {
    const ok = b && Number.isFinite(b.red) && Number.isFinite(b.yellow) && b.red > 0 && b.red <= b.yellow && b.yellow <= 100;
    if (!ok) problem(field, `参数“${label}”无效：应满足 0 < 红色阈值（${b?.red}%）≤ 黄色阈值（${b?.yellow}%）≤ 100%`);
  };
  bands(p.executionRatioBands, 'executionRatioBands', '执行进度预警阈值');
  bands(p.indicatorBands, 'indicatorBands', '指标进度预警阈值');
  if (!Number.isFinite(p.targetTooLowPercent) || p.targetTooLowPercent <= 100) {
    problem('targetTooLowPercent', `参数“目标设定偏低判定比例”应大于100%，当前为“${p.targetTooLowPercent}%”`);
  }
  if (!isInt(p.correctiveAnswerWorkingDays) || p.correctiveAnswerWorkingDays < 1 || p.correctiveAnswerWorkingDays > 60) {
    problem('correctiveAnswerWorkingDays', `参数“纠偏答复时限”应为1至60个工作日，当前为“${p.correctiveAnswerWorkingDays}”`);
  }
  if (!isInt(p.reminderWorkingDaysBefore) || p.reminderWorkingDaysBefore < 0 || p.reminderWorkingDaysBefore >= p.correctiveAnswerWorkingDays) {
    problem(
      'reminderWorkingDaysBefore',
      `参数“提前提醒工作日数”应为小于纠偏答复时限（${p.correctiveAnswerWorkingDays}个工作日）的非负整数，当前为“${p.reminderWorkingDaysBefore}”`,
    );
  }
  // Day 28 exists in every month; the report must be due after it opens, within the month.
  const dayOk = (d: number) => isInt(d) && d >= 1 && d <= 28;
  if (!dayOk(p.monthlyReportOpenDay)) problem('monthlyReportOpenDay', `参数“月报开放日”应为每月1至28日，当前为“${p.monthlyReportOpenDay}”`);
  if (!dayOk(p.monthlyReportDueDay) || !(p.monthlyReportDueDay > p.monthlyReportOpenDay)) {
    problem(
      'monthlyReportDueDay',
      `参数“月报报送截止日”应为每月1至28日且晚于开放日（${p.monthlyReportOpenDay}日），当前为“${p.monthlyReportDueDay}”`,
    );
  }
  if (!isInt(p.departmentWideMonth) || p.departmentWideMonth < 1 || p.departmentWideMonth > 12) {
    problem('departmentWideMonth', `参数“部门整体监控节点月份”应为1至12月，当前为“${p.departmentWideMonth}”`);
  }
  return problems;
};
