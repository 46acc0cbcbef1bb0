/**
 * 期限: N days after a moment, counted in calendar days or in working days (Monday–Friday,
 * less the region's holidays, plus its make-up working days 调休). Dates are China Standard
 * Time (UTC+8) calendar dates; the deadline is the end of the last day (23:59:59.999 CST).
 * Pure: the holidays come in as data, computed once where the deadline is set, so a
 * workflow only ever sees the resulting moment.
 */
export type DayBasis = 'working' | 'calendar';
export type HolidayCalendar = Readonly<{ holidays: readonly string[]; workdays: readonly string[] }>;
export const NO_HOLIDAYS: HolidayCalendar = { holidays: [], workdays: [] };

const CST_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const cstDate = (ms: number) => new Date(ms + CST_MS).toISOString().slice(0, 10);
const isWorkingDay = (date: string, calendar: HolidayCalendar) => {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

export const deadlineAfter = (from: string, days: number, basis: DayBasis, calendar: HolidayCalendar = NO_HOLIDAYS): string => {
  let ms = Date.parse(from);
  let counted = 0;
  while (counted < days) {
    ms += DAY_MS;
    if (basis === 'calendar' || isWorkingDay(cstDate(ms), calendar)) counted++;
  }
  // End of that CST day.
  const endOfDay = Date.parse(`${cstDate(ms)}T23:59:59.999Z`) - CST_MS;
  return new Date(endOfDay).toISOString();
};
