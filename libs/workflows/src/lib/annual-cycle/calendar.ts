/**
 * The cycle's calendar: the defaults of DOMAIN.md for a fiscal year, and the checks a calendar
 * given by a region must pass. Pure: part of the workflow bundle.
 */
import { CYCLE_PHASES, type ActivePhase, type CycleCalendar } from './types';

/** China Standard Time has no daylight saving: UTC+8 all year. */
const CST_OFFSET_H = 8;
/** 00:00 China time on the given day (month 1-12). */
export const chinaMidnight = (year: number, month: number, day: number): string =>
  new Date(Date.UTC(year, month - 1, day, -CST_OFFSET_H)).toISOString();
/** The last millisecond of the given day, China time. */
export const chinaEndOfDay = (year: number, month: number, day: number): string =>
  new Date(Date.UTC(year, month - 1, day + 1, -CST_OFFSET_H) - 1).toISOString();

/** 中文 names, for events and problem details. */
export const PHASE_NAMES: Readonly<Record<ActivePhase | 'not-started' | 'closed', string>> = {
  'not-started': '未开始',
  'goal-declaration': '绩效目标申报',
  'goal-review': '绩效目标审核',
  'budget-issue': '预算批复下达',
  monitoring: '绩效运行监控',
  'year-end': '年度终了',
  'self-evaluation': '单位自评',
  'key-evaluation': '重点评价',
  'result-application': '结果应用与整改',
  disclosure: '信息公开',
  'next-year-budget': '下年度预算安排建议',
  closed: '已结束',
};

/**
 * The defaults for fiscal year Y (every deadline at the end of the day, China time):
 * declaration in September and review by the end of November of Y-1; the budget and its
 * approved goals issued by the end of January; monitoring through December, with the
 * department-wide node after June; accounts closed in January of Y+1; self-evaluations by
 * March, key evaluations by June, result notices and rectification by August, disclosure in
 * September, and next year's proposals with the budget request in October.
 */
export function defaultCalendar(fiscalYear: number): CycleCalendar {
  const y = fiscalYear;
  return {
    opensAt: chinaMidnight(y - 1, 9, 1),
    deadlines: {
      'goal-declaration': chinaEndOfDay(y - 1, 9, 30),
      'goal-review': chinaEndOfDay(y - 1, 11, 30),
      'budget-issue': chinaEndOfDay(y, 1, 31),
      monitoring: chinaEndOfDay(y, 12, 31),
      'year-end': chinaEndOfDay(y + 1, 1, 31),
      'self-evaluation': chinaEndOfDay(y + 1, 3, 31),
      'key-evaluation': chinaEndOfDay(y + 1, 6, 30),
      'result-application': chinaEndOfDay(y + 1, 8, 31),
      disclosure: chinaEndOfDay(y + 1, 9, 30),
      'next-year-budget': chinaEndOfDay(y + 1, 10, 31),
    },
    departmentWideNodeAt: chinaMidnight(y, 7, 1),
  };
}

const ms = (iso: unknown): number => (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(iso) ? Date.parse(iso) : NaN);

/**
 * Why a calendar cannot run fiscal year `fiscalYear` (in Chinese), or undefined when it can:
 * every date valid, the phases in order, goals reviewed before the year starts, the
 * self-evaluation after it ends, everything between Y-2 and Y+2.
 */
export function calendarProblems(fiscalYear: number, calendar: CycleCalendar | undefined): string[] {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) return [`年度“${fiscalYear}”无效`];
  if (!calendar || typeof calendar !== 'object' || !calendar.deadlines) return ['缺少年度工作日程'];
  const problems: string[] = [];
  const opens = ms(calendar.opensAt);
  if (Number.isNaN(opens)) problems.push(`开始时间“${String(calendar.opensAt)}”不是有效时间`);
  let previous = opens;
  let previousName = '开始时间';
  for (const phase of CYCLE_PHASES) {
    const at = ms(calendar.deadlines[phase]);
    if (Number.isNaN(at)) {
      problems.push(`${PHASE_NAMES[phase]}截止时间“${String(calendar.deadlines[phase])}”不是有效时间`);
      continue;
    }
    if (!Number.isNaN(previous) && at <= previous) problems.push(`${PHASE_NAMES[phase]}截止时间应晚于${previousName}`);
    previous = at;
    previousName = `${PHASE_NAMES[phase]}截止时间`;
  }
  if (problems.length) return problems;

  const yearStarts = Date.parse(chinaMidnight(fiscalYear, 1, 1));
  const yearEnds = Date.parse(chinaMidnight(fiscalYear + 1, 1, 1));
  if (opens < Date.parse(chinaMidnight(fiscalYear - 2, 1, 1))) problems.push(`开始时间不得早于${fiscalYear - 2}年`);
  if (ms(calendar.deadlines['next-year-budget']) >= Date.parse(chinaMidnight(fiscalYear + 3, 1, 1))) {
    problems.push(`下年度预算安排建议截止时间不得晚于${fiscalYear + 2}年`);
  }
  if (ms(calendar.deadlines['goal-review']) >= yearStarts) problems.push(`绩效目标审核应在${fiscalYear}年度开始前完成`);
  if (ms(calendar.deadlines['monitoring']) < yearEnds - 1) problems.push('绩效运行监控应持续至年度终了');
  const node = ms(calendar.departmentWideNodeAt);
  if (Number.isNaN(node) || node <= ms(calendar.deadlines['budget-issue']) || node >= ms(calendar.deadlines['monitoring'])) {
    problems.push('部门整体监控节点应在预算批复之后、绩效运行监控截止之前');
  }
  return problems;
}
