import { describe, expect, it } from '@jest/globals';
import { DEFAULT_MONITORING_PARAMETERS, resolveMonitoringParameters, validateMonitoringParameters } from './parameters';

describe('monitoring parameters', () => {
  it('defaults to DOMAIN.md: bands 60/80, 120 % too low, 10 working days, June node', () => {
    expect(resolveMonitoringParameters('示例县', 2026)).toEqual({
      region: '示例县',
      fiscalYear: 2026,
      ...DEFAULT_MONITORING_PARAMETERS,
    });
    expect(DEFAULT_MONITORING_PARAMETERS).toMatchObject({
      executionRatioBands: { red: 60, yellow: 80 },
      indicatorBands: { red: 60, yellow: 80 },
      targetTooLowPercent: 120,
      correctiveAnswerWorkingDays: 10,
      departmentWideMonth: 6,
    });
  });

  it('takes a region’s overrides', () => {
    const p = resolveMonitoringParameters('示例县', 2026, { executionRatioBands: { red: 50, yellow: 75 }, correctiveAnswerWorkingDays: 15 });
    expect(p.executionRatioBands).toEqual({ red: 50, yellow: 75 });
    expect(p.correctiveAnswerWorkingDays).toBe(15);
    expect(p.indicatorBands).toEqual({ red: 60, yellow: 80 });
  });

  it.each([
    [{ executionRatioBands: { red: 80, yellow: 60 } }, 'executionRatioBands', '参数“执行进度预警阈值”无效：应满足 0 < 红色阈值（80%）≤ 黄色阈值（60%）≤ 100%'],
    [{ indicatorBands: { red: 0, yellow: 80 } }, 'indicatorBands', undefined],
    [{ targetTooLowPercent: 100 }, 'targetTooLowPercent', '参数“目标设定偏低判定比例”应大于100%，当前为“100%”'],
    [{ correctiveAnswerWorkingDays: 0 }, 'correctiveAnswerWorkingDays', undefined],
    [{ reminderWorkingDaysBefore: 10 }, 'reminderWorkingDaysBefore', undefined],
    [{ monthlyReportOpenDay: 31 }, 'monthlyReportOpenDay', '参数“月报开放日”应为每月1至28日，当前为“31”'],
    [{ monthlyReportOpenDay: 10, monthlyReportDueDay: 10 }, 'monthlyReportDueDay', undefined],
    [{ departmentWideMonth: 13 }, 'departmentWideMonth', undefined],
  ])('refuses %j', (overrides, field, message) => {
    let caught: unknown;
    try {
      resolveMonitoringParameters('示例县', 2026, overrides);
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'PARAMETER_INVALID', kind: 'invalid', field, ...(message ? { message } : {}) });
  });

  it('lists every problem at once', () => {
    const p = { ...resolveMonitoringParameters('示例县', 2026), region: ' ', targetTooLowPercent: 90, departmentWideMonth: 0 };
    expect(validateMonitoringParameters(p).map((e) => e.field)).toEqual(['region', 'targetTooLowPercent', 'departmentWideMonth']);
  });
});
