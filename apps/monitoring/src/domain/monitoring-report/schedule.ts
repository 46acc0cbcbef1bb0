import { WorkingCalendar, addWorkingDays, chinaTime, endOfChinaDay, onOrNextWorkingDay } from '../calendar';
import { MonitoringParameters } from '../parameters';

export type MonthlyReportSchedule = Readonly<{
  fiscalYear: number;
  month: number;
  /** 09:00 China time on the open day of the following month. */
  opensAt: string;
  /** 09:00 China time, `reminderWorkingDaysBefore` working days before the due day (absent when 0). */
  remindAt?: string;
  /** End of the due day (moved to the next working day when it is a holiday: 遇节假日顺延). */
  dueAt: string;
  /** Whether the department-wide (部门整体) report is due this month too. */
  departmentWide: boolean;
}>;

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * When the report on `month` opens and falls due: in the following month (the month's
 * execution is known only once it has ended), so December's report is filed in January.
 */
export const monthlyReportSchedule = (
  month: number,
  p: Pick<MonitoringParameters, 'fiscalYear' | 'monthlyReportOpenDay' | 'monthlyReportDueDay' | 'reminderWorkingDaysBefore' | 'departmentWideMonth'>,
  calendar: WorkingCalendar,
): MonthlyReportSchedule => {
  const year = month === 12 ? p.fiscalYear + 1 : p.fiscalYear;
  const next = month === 12 ? 1 : month + 1;
  const dueDay = onOrNextWorkingDay(iso(year, next, p.monthlyReportDueDay), calendar);
  const remindDay = p.reminderWorkingDaysBefore > 0 ? addWorkingDays(dueDay, -p.reminderWorkingDaysBefore, calendar) : undefined;
  const opensAt = chinaTime(iso(year, next, p.monthlyReportOpenDay), 9);
  const remindAt = remindDay !== undefined ? chinaTime(remindDay, 9) : undefined;
  return {
    fiscalYear: p.fiscalYear,
    month,
    opensAt,
    // A reminder before the report even opens would be noise.
    ...(remindAt !== undefined && remindAt > opensAt ? { remindAt } : {}),
    dueAt: endOfChinaDay(dueDay),
    departmentWide: month === p.departmentWideMonth,
  };
};
