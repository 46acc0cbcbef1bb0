import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PARAMETERS, resolveParameters, reviewSchedule, validateParameters } from './parameters';

describe('parameters', () => {
  it('has the documented defaults', () => {
    const p = resolveParameters('示例县', 2026);
    expect(p).toEqual({ ...DEFAULT_PARAMETERS, region: '示例县', fiscalYear: 2026 });
    expect(p).toMatchObject({
      costLevelEnabled: false,
      exAnteThreshold: 5_000_000,
      exAnteDimensionMaxScore: 20,
      exAnteConclusionThresholds: { support: 80, supportAfterAdjustment: 60 },
      gradeThresholds: { excellent: 90, good: 80, fair: 60 },
      weightTotal: 100,
      reviewDeadlineDays: 10,
      reminderDaysBefore: 2,
    });
  });

  it('takes regional overrides', () =>
    expect(resolveParameters('示例县', 2026, { costLevelEnabled: true, exAnteThreshold: 3_000_000 })).toMatchObject({
      costLevelEnabled: true,
      exAnteThreshold: 3_000_000,
    }));

  it('computes the review schedule', () =>
    expect(reviewSchedule(resolveParameters('示例县', 2026))).toEqual({ deadlineDays: 10, reminderAfterDays: 8 }));

  it.each([
    [{ exAnteThreshold: 0 }, 'exAnteThreshold'],
    [{ reviewDeadlineDays: -1 }, 'reviewDeadlineDays'],
    [{ reminderDaysBefore: 10 }, 'reminderDaysBefore'],
    [{ exAnteConclusionThresholds: { support: 60, supportAfterAdjustment: 80 } }, 'exAnteConclusionThresholds'],
    [{ gradeThresholds: { excellent: 90, good: 95, fair: 60 } }, 'gradeThresholds'],
  ])('refuses %o', (override, field) => {
    expect(() => resolveParameters('示例县', 2026, override)).toThrow();
    const problems = validateParameters({ ...resolveParameters('示例县', 2026), ...override });
    expect(problems.map((p) => p.field)).toContain(field);
  });
});
