import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../shared';
import {
  OFFICIAL_CALENDAR_YEARS,
  addWorkingDays,
  chinaDateOf,
  chinaTime,
  endOfChinaDay,
  isWorkingDay,
  officialCalendar,
  officialCalendarCovers,
  officialHoliday,
  onOrNextWorkingDay,
  validateCalendar,
} from './index';

const county = officialCalendar('示例县');

describe('Chinese working days', () => {
  it('knows the official 2026 holidays and adjusted working days', () => {
    expect(officialHoliday('2026-10-01')).toBe('国庆节');
    expect(isWorkingDay('2026-10-01', county)).toBe(false); // Thursday, National Day
    expect(isWorkingDay('2026-10-10', county)).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-02-18', county)).toBe(false); // Wednesday, 春节
    expect(isWorkingDay('2026-02-14', county)).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay('2026-11-28', county)).toBe(false); // an ordinary Saturday
    expect(isWorkingDay('2026-11-30', county)).toBe(true); // an ordinary Monday
    expect(OFFICIAL_CALENDAR_YEARS.first).toBeLessThanOrEqual(2024);
    expect(OFFICIAL_CALENDAR_YEARS.last).toBeGreaterThanOrEqual(2026);
    expect(officialCalendarCovers(2026)).toBe(true);
    expect(officialCalendarCovers(OFFICIAL_CALENDAR_YEARS.last + 1)).toBe(false);
  });

  it('counts 10 working days across the National Day week, with its adjusted Saturday', () => {
    // 09-28 Mon; 09-29,09-30 work; 10-01..10-07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat (调休), 10-12..10-16.
    expect(addWorkingDays('2026-09-28', 10, county)).toBe('2026-10-16');
  });

  it('counts 10 working days across the Spring Festival', () => {
    // 2026-02-13 Fri; 02-14 Sat works (1); 02-15..02-23 off; 02-24..02-27 (2-5); 02-28 Sat works (6); 03-02..03-05 (7-10).
    expect(addWorkingDays('2026-02-13', 10, county)).toBe('2026-03-05');
  });

  it('counts an ordinary fortnight as 10 working days, and goes backwards', () => {
    expect(addWorkingDays('2026-11-02', 10, county)).toBe('2026-11-16');
    expect(addWorkingDays('2026-11-16', -10, county)).toBe('2026-11-02');
    expect(addWorkingDays('2026-11-28', 0, county)).toBe('2026-11-28');
    expect(addWorkingDays('2026-11-28', 1, county)).toBe('2026-11-30');
  });

  it("honours a region's own holidays and working days", () => {
    const withLocal = { region: '示例县', extraHolidays: ['2026-11-30'], extraWorkingDays: ['2026-10-03'] };
    expect(isWorkingDay('2026-11-30', withLocal)).toBe(false);
    expect(isWorkingDay('2026-10-03', withLocal)).toBe(true);
    expect(addWorkingDays('2026-11-27', 1, withLocal)).toBe('2026-12-01');
    expect(addWorkingDays('2026-09-30', 1, withLocal)).toBe('2026-10-03');
  });

  it('moves a due date that falls on a holiday to the next working day', () => {
    expect(onOrNextWorkingDay('2026-10-05', county)).toBe('2026-10-08');
    expect(onOrNextWorkingDay('2026-10-09', county)).toBe('2026-10-09');
  });

  it('converts between instants and China dates (UTC+8)', () => {
    expect(chinaDateOf('2026-06-30T16:30:00.000Z')).toBe('2026-07-01');
    expect(chinaTime('2026-07-01', 9)).toBe('2026-07-01T01:00:00.000Z');
    expect(endOfChinaDay('2026-07-10')).toBe('2026-07-10T15:59:59.999Z');
  });

  it('refuses malformed dates in Chinese, naming the field', () => {
    expect(() => isWorkingDay('2026-02-30', county)).toThrow(DomainError);
    expect(() => addWorkingDays('2026-11-02', 1.5, county)).toThrow('工作日天数应为整数');
    const problems = validateCalendar({ region: 'x', extraHolidays: ['2026-13-01'], extraWorkingDays: [] });
    expect(problems.map((p) => [p.code, p.kind, p.field])).toEqual([['DATE_INVALID', 'invalid', 'extraHolidays[0]']]);
  });
});
