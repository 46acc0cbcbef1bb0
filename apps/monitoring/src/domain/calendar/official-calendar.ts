/**
 * The State Council's holidays (放假) and adjusted working days (调休上班), as published in
 * the `chinese-days` package's data file. Only the data is used: the package's own functions
 * parse dates in the machine's time zone, and its data is all we need. Pure data, so this is
 * deterministic; but a package upgrade adds years, so workflow code never reads it (deadlines
 * are computed by the service and passed to workflows).
 */
import data from 'chinese-days/dist/chinese-days.json';

type Dated = Readonly<Record<string, string>>;

const holidays: Dated = (data as { holidays: Dated }).holidays;
const workdays: Dated = (data as { workdays: Dated }).workdays;

const years = Object.keys(holidays).map((d) => Number(d.slice(0, 4)));

/** The fiscal years the official calendar covers (published a year at a time, in late autumn). */
export const OFFICIAL_CALENDAR_YEARS: Readonly<{ first: number; last: number }> = {
  first: Math.min(...years),
  last: Math.max(...years),
};

/** `YYYY-MM-DD` is an official holiday: its Chinese name (e.g. `春节`), else undefined. */
export const officialHoliday = (date: string): string | undefined => holidays[date]?.split(',')[1];

/** `YYYY-MM-DD` is a weekend day made a working day (调休上班). */
export const isOfficialAdjustedWorkingDay = (date: string): boolean => workdays[date] !== undefined;

/**
 * Whether the official calendar knows `year` (the State Council publishes next year's holidays
 * in late autumn; until the package carries them, a region must add them as overrides, or the
 * year counts only weekends as days off).
 */
export const officialCalendarCovers = (year: number): boolean => year >= OFFICIAL_CALENDAR_YEARS.first && year <= OFFICIAL_CALENDAR_YEARS.last;
