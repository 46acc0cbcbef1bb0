import { invalid } from '../shared/domain-error';
import { isOfficialAdjustedWorkingDay, officialHoliday } from './official-calendar';

/**
 * A region's working calendar: the official one, overridden by the region's own extra holidays
 * and extra working days (both `YYYY-MM-DD`). Plain data, so it can travel in a command.
 */
export type WorkingCalendar = Readonly<{
  region: string;
  extraHolidays: readonly string[];
  extraWorkingDays: readonly string[];
}>;

export const officialCalendar = (region: string): WorkingCalendar => ({ region, extraHolidays: [], extraWorkingDays: [] });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** China has one time zone and no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Parses `YYYY-MM-DD` to its UTC midnight, refusing impossible dates such as 2026-02-30. */
export const parseDate = (date: string, field = 'date'): number => {
  const m = DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || formatDate(ms) !== date) {
    throw invalid('DATE_INVALID', `日期“${date}”无效，应为“年-月-日”格式，如 2026-06-30`, field);
  }
  return ms;
};

const formatDate = (utcMidnightMs: number): string => new Date(utcMidnightMs).toISOString().slice(0, 10);

/** The calendar date in China (UTC+8) of an instant. */
export const chinaDateOf = (instant: string | Date): string => {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw invalid('INSTANT_INVALID', `时间“${String(instant)}”无效`, 'at');
  return formatDate(ms + CHINA_OFFSET_MS);
};

/** The instant (ISO, UTC) of `hh:mm` China time on `date`. */
export const chinaTime = (date: string, hour: number, minute = 0): string =>
  new Date(parseDate(date) + hour * 3_600_000 + minute * 60_000 - CHINA_OFFSET_MS).toISOString();

/** The last millisecond of `date` in China: a deadline "by the end of that day". */
export const endOfChinaDay = (date: string): string => new Date(parseDate(date) + DAY_MS - 1 - CHINA_OFFSET_MS).toISOString();

export const addDays = (date: string, n: number): string => formatDate(parseDate(date) + n * DAY_MS);

/**
 * Whether `date` is a working day in the region: its own overrides first, then the official
 * holidays and adjusted working days, then Monday to Friday.
 */
export const isWorkingDay = (date: string, calendar: WorkingCalendar): boolean => {
  const ms = parseDate(date);
  if (calendar.extraWorkingDays.includes(date)) return true;
  if (calendar.extraHolidays.includes(date)) return false;
  if (isOfficialAdjustedWorkingDay(date)) return true;
  if (officialHoliday(date) !== undefined) return false;
  const weekday = new Date(ms).getUTCDay();
  return weekday >= 1 && weekday <= 5;
};

/**
 * The date `n` working days after `date` (n > 0; `date` itself does not count), or before it
 * (n < 0); n = 0 is `date` itself. E.g. 10 working days after 2026-09-28 is 2026-10-16: the
 * National Day week does not count, the adjusted Saturday 2026-10-10 does.
 */
export const addWorkingDays = (date: string, n: number, calendar: WorkingCalendar): string => {
  if (!Number.isInteger(n)) throw invalid('WORKING_DAYS_INVALID', `工作日天数应为整数，当前为“${n}”`, 'n');
  const step = n >= 0 ? 1 : -1;
  let current = date;
  parseDate(current);
  // 366 calendar days without one working day would be a broken calendar, not a long holiday.
  for (let left = Math.abs(n), guard = 0; left > 0; guard++) {
    if (guard > 366 * Math.max(1, Math.abs(n))) {
      throw invalid('CALENDAR_INVALID', `区划“${calendar.region}”的工作日历在${date}之后找不到工作日`, 'calendar');
    }
    current = addDays(current, step);
    if (isWorkingDay(current, calendar)) left--;
  }
  return current;
};

/** The first working day on or after `date` (a due date that falls on a holiday moves on: 遇节假日顺延). */
export const onOrNextWorkingDay = (date: string, calendar: WorkingCalendar): string =>
  isWorkingDay(date, calendar) ? date : addWorkingDays(date, 1, calendar);

/** Refuses malformed override dates, naming each. */
export const validateCalendar = (calendar: WorkingCalendar) =>
  [
    ...calendar.extraHolidays.map((d, i) => [d, `extraHolidays[${i}]`] as const),
    ...calendar.extraWorkingDays.map((d, i) => [d, `extraWorkingDays[${i}]`] as const),
  ].flatMap(([d, field]) => {
    try {
      parseDate(d, field);
      return [];
    } catch (error) {
      return [error as ReturnType<typeof invalid>];
    }
  });
