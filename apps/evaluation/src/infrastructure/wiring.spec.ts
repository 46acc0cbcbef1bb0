import { describe, expect, it } from '@jest/globals';
import { conflict, forbidden, invalid, notFound, precondition } from '@bpm/decider';
import { toProblem } from '@bpm/http';
import { DEFAULT_EVALUATION_PARAMETERS } from '../domain';
import { loadRegionParameters } from './region';

/** The platform maps a refusal by its kind (libs/http); evaluation's errors carry one. */
describe('evaluation refusals become problems by their kind', () => {
  it.each([
    [notFound('X_NOT_FOUND', '未找到'), 404],
    [forbidden('ROLE_NOT_ALLOWED', '无权操作'), 403],
    [invalid('SOME_RULE', '不符合规则', 'a.b'), 422],
    [conflict('ALREADY', '已存在'), 409],
    [precondition('NOT_YET', '尚未具备条件'), 412],
    // The kind decides, not the code's spelling: a conflict named *_NOT_FOUND is still a conflict.
    [conflict('ODD_NOT_FOUND', '冲突'), 409],
  ])('%s → %i', (error, status) => {
    const problem = toProblem(error);
    expect(problem.status).toBe(status);
    expect(problem.body).toMatchObject({ detail: error.message, code: error.code });
  });

  it('names the offending field', () => {
    expect(toProblem(invalid('R', '理由不能为空', 'reasons[0].text')).body.errors).toEqual([{ field: 'reasons[0].text', message: '理由不能为空' }]);
  });
});

describe('region parameters are read and validated once, at start', () => {
  it('defaults without overrides; a year may override', () => {
    const region = loadRegionParameters({ EVALUATION_PARAMETERS: JSON.stringify({ 2027: { actualDeviationTolerancePercent: 5 } }) });
    expect(region.forYear(2026)).toEqual(DEFAULT_EVALUATION_PARAMETERS);
    expect(region.forYear(2027).actualDeviationTolerancePercent).toBe(5);
  });

  it('refuses to start with invalid parameters, naming what is wrong', () => {
    expect(() => loadRegionParameters({ EVALUATION_PARAMETERS: JSON.stringify({ default: { selfEvaluationPoints: { execution: 20, output: 50, benefit: 30, satisfaction: 10 } } }) })).toThrow(/自评各部分分值之和应为100分/);
    expect(() => loadRegionParameters({ EVALUATION_PARAMETERS: JSON.stringify({ 2028: { gradeThresholds: { excellent: 80, good: 90, fair: 60 } } }) })).toThrow(/2028/);
    expect(() => loadRegionParameters({ EVALUATION_PARAMETERS: '{not json' })).toThrow(/not valid JSON/);
    const schedule = { daysAfterAssignment: { 'work-plan': 30, fieldwork: 20, 'draft-report': 75, 'finance-review': 90, 'final-report': 105 }, reminderDaysBefore: 3 };
    expect(() => loadRegionParameters({ EVALUATION_PARAMETERS: JSON.stringify({ default: { keyEvaluationSchedule: schedule } }) })).toThrow(/依次递增/);
  });
});
