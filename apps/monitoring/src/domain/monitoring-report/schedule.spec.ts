import { describe, expect, it } from '@jest/globals';
import { officialCalendar } from '../calendar';
import { resolveMonitoringParameters } from '../parameters';
import { monthlyReportSchedule } from './index';

const calendar = officialCalendar('示例县');
const params = resolveMonitoringParameters('示例县', 2026);

describe('monthly report schedule', () => {
  it('June’s report opens on 1 July and is due on 10 July, with the department-wide report', () =>
    expect(monthlyReportSchedule(6, params, calendar)).toEqual({
      fiscalYear: 2026,
      month: 6,
      opensAt: '2026-07-01T01:00:00.000Z',
      remindAt: '2026-07-08T01:00:00.000Z',
      dueAt: '2026-07-10T15:59:59.999Z',
      departmentWide: true,
    }));

  it('a due day on a holiday moves to the next working day (September’s report, National Day)', () => {
    const s = monthlyReportSchedule(9, { ...params, monthlyReportDueDay: 5 }, calendar);
    expect(s.dueAt).toBe('2026-10-08T15:59:59.999Z');
    expect(s.departmentWide).toBe(false);
  });

  it('December’s report is filed in January of the next year', () =>
    expect(monthlyReportSchedule(12, params, calendar)).toMatchObject({ fiscalYear: 2026, month: 12, opensAt: '2027-01-01T01:00:00.000Z' }));

  it('leaves out a reminder that would come before the report opens', () =>
    expect(monthlyReportSchedule(6, { ...params, monthlyReportOpenDay: 9, reminderWorkingDaysBefore: 5 }, calendar).remindAt).toBeUndefined());
});
