import { describe, expect, it } from '@jest/globals';
import { DomainError } from './shared';
import { GRADE_LABELS, grade, validateGradeThresholds } from './grades';

describe('grade', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.99, 'good'],
    [80, 'good'],
    [79.9, 'fair'],
    [60, 'fair'],
    [59.99, 'poor'],
    [0, 'poor'],
  ] as const)('%d → %s', (score, expected) => expect(grade(score)).toBe(expected));

  it('labels grades in Chinese', () => expect([90, 85, 70, 10].map((s) => GRADE_LABELS[grade(s)])).toEqual(['优', '良', '中', '差']));

  it('takes boundaries as parameters', () => {
    const t = { excellent: 85, good: 75, fair: 60 };
    expect(grade(86, t)).toBe('excellent');
    expect(grade(80, t)).toBe('good');
  });

  it.each([-1, 101, Number.NaN])('refuses score %d', (score) => {
    expect(() => grade(score)).toThrow(DomainError);
    try {
      grade(score);
    } catch (e) {
      expect((e as DomainError).code).toBe('SCORE_INVALID');
    }
  });

  it('checks threshold order', () => {
    expect(validateGradeThresholds({ excellent: 90, good: 80, fair: 60 })).toEqual([]);
    expect(validateGradeThresholds({ excellent: 80, good: 90, fair: 60 }).map((e) => e.code)).toEqual(['GRADE_THRESHOLDS_INVALID']);
  });
});
