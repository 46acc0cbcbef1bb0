import { DEFAULT_RESULT_APPLICATION_PARAMETERS as P, validateResultApplicationParameters } from './parameters';

const codes = (p: object) => validateResultApplicationParameters({ ...P, ...p }).map((e) => e.code);

describe('result application parameters (结果应用参数)', () => {
  it('the defaults are valid', () => expect(codes({})).toEqual([]));
  it('reports every violation at once', () => {
    expect(codes({ noticeDays: 0, answerDays: 1.5, fairCutPercent: 120, poorAction: 'x', overlapThreshold: 0 })).toEqual([
      'NOTICE_DAYS_INVALID',
      'ANSWER_DAYS_INVALID',
      'REMINDER_DAYS_INVALID',
      'FAIR_CUT_INVALID',
      'POOR_ACTION_INVALID',
      'OVERLAP_THRESHOLD_INVALID',
    ]);
  });
  it('the two cuts together may not exceed the budget', () => expect(codes({ fairCutPercent: 60, unfixedRectificationCutPercent: 50 })).toEqual(['CUTS_EXCEED_BUDGET']));
  it('working or calendar days only', () => expect(codes({ dayBasis: 'lunar' })).toEqual(['DAY_BASIS_INVALID']));
});
