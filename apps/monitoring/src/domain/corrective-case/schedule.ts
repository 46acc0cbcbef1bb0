import { WorkingCalendar, addWorkingDays, chinaDateOf, chinaTime, endOfChinaDay } from '../calendar';
import { MonitoringParameters } from '../parameters';

export type CorrectiveSchedule = Readonly<{
  /** End of the last working day of the answer window (China time), ISO. */
  dueAt: string;
  /** 09:00 China time, `reminderWorkingDaysBefore` working days before the due day; absent when 0. */
  remindAt?: string;
}>;

/**
 * The answer window of a case opened at `openedAt`: N working days in the region's calendar,
 * the opening day not counted. Computed once, when the case opens, and carried in its events
 * and in its follow-up workflow's input (so a later calendar change never moves a running case).
 */
export const correctiveSchedule = (
  openedAt: string,
  p: Pick<MonitoringParameters, 'correctiveAnswerWorkingDays' | 'reminderWorkingDaysBefore'>,
  calendar: WorkingCalendar,
): CorrectiveSchedule => {
  const dueDay = addWorkingDays(chinaDateOf(openedAt), p.correctiveAnswerWorkingDays, calendar);
  const dueAt = endOfChinaDay(dueDay);
  if (p.reminderWorkingDaysBefore <= 0) return { dueAt };
  return { dueAt, remindAt: chinaTime(addWorkingDays(dueDay, -p.reminderWorkingDaysBefore, calendar), 9) };
};
