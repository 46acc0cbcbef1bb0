import { DomainError, invalid } from '@bpm/decider';
import { DayBasis } from './shared/calendar';

/**
 * 结果应用参数: every number of DOMAIN.md section 8 that a region sets per fiscal year.
 * Validated here and only here, where the service reads them.
 */
export type ResultApplicationParameters = Readonly<{
  /** 评价结果反馈: the result notice goes to the unit within this many days of the final result. */
  noticeDays: number;
  /** 整改答复: the unit answers each requirement within this many days of the notice. */
  answerDays: number;
  /** Whether the two periods above count working days or calendar days. */
  dayBasis: DayBasis;
  /** A reminder this many days before each deadline (0: none). */
  reminderDays: number;
  /** 中: next year's budget cut by this percentage. */
  fairCutPercent: number;
  /** An unfixed rectification (未整改到位) adds this cut (percent). */
  unfixedRectificationCutPercent: number;
  /** 差: the project is cancelled (取消) or suspended (暂停). */
  poorAction: 'cancel' | 'suspend';
  /** Execution below this share of the budget flags idle funds for recovery (收回), percent. */
  idleExecutionPercent: number;
  /** Overlap candidates score at least this (0–1). */
  overlapThreshold: number;
}>;

export const DEFAULT_RESULT_APPLICATION_PARAMETERS: ResultApplicationParameters = {
  noticeDays: 20,
  answerDays: 30,
  dayBasis: 'calendar',
  reminderDays: 3,
  fairCutPercent: 10,
  unfixedRectificationCutPercent: 5,
  poorAction: 'cancel',
  idleExecutionPercent: 50,
  overlapThreshold: 0.5,
};

const percent = (x: number) => Number.isFinite(x) && x >= 0 && x <= 100;
const days = (x: number) => Number.isInteger(x) && x > 0 && x <= 365;

/** Every violation at once, so an admin sees all that is wrong with a region's parameters. */
export const validateResultApplicationParameters = (p: ResultApplicationParameters): DomainError[] => {
  const problems: DomainError[] = [];
  if (!days(p.noticeDays)) problems.push(invalid('NOTICE_DAYS_INVALID', '结果反馈期限应为1至365之间的整数天', 'noticeDays'));
  if (!days(p.answerDays)) problems.push(invalid('ANSWER_DAYS_INVALID', '整改答复期限应为1至365之间的整数天', 'answerDays'));
  if (p.dayBasis !== 'working' && p.dayBasis !== 'calendar') problems.push(invalid('DAY_BASIS_INVALID', '期限计算方式应为工作日或自然日', 'dayBasis'));
  if (!(Number.isInteger(p.reminderDays) && p.reminderDays >= 0 && p.reminderDays < Math.min(p.noticeDays, p.answerDays))) {
    problems.push(invalid('REMINDER_DAYS_INVALID', '提醒提前天数应为不小于0且小于各期限的整数', 'reminderDays'));
  }
  if (!percent(p.fairCutPercent)) problems.push(invalid('FAIR_CUT_INVALID', '评为“中”的项目压减比例应在0%至100%之间', 'fairCutPercent'));
  if (!percent(p.unfixedRectificationCutPercent)) problems.push(invalid('UNFIXED_CUT_INVALID', '未整改到位的追加压减比例应在0%至100%之间', 'unfixedRectificationCutPercent'));
  if (percent(p.fairCutPercent) && percent(p.unfixedRectificationCutPercent) && p.fairCutPercent + p.unfixedRectificationCutPercent > 100) {
    problems.push(invalid('CUTS_EXCEED_BUDGET', '“中”的压减比例与未整改追加压减比例之和不能超过100%', 'unfixedRectificationCutPercent'));
  }
  if (p.poorAction !== 'cancel' && p.poorAction !== 'suspend') problems.push(invalid('POOR_ACTION_INVALID', '评为“差”的项目应选择取消或暂停', 'poorAction'));
  if (!percent(p.idleExecutionPercent)) problems.push(invalid('IDLE_EXECUTION_INVALID', '闲置资金判定的执行率应在0%至100%之间', 'idleExecutionPercent'));
  if (!(Number.isFinite(p.overlapThreshold) && p.overlapThreshold > 0 && p.overlapThreshold <= 1)) {
    problems.push(invalid('OVERLAP_THRESHOLD_INVALID', '交叉重复判定的相似度阈值应在0至1之间', 'overlapThreshold'));
  }
  return problems;
};
