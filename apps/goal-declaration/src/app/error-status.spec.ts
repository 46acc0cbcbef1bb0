import { describe, expect, it } from '@jest/globals';
import { toProblem } from '@bpm/http';
import { DOMAIN_ERROR_KINDS, DomainError, type DomainErrorCode } from '../domain';

/**
 * The HTTP status of every refusal the domain can make, pinned: changing a code's kind
 * (or adding a code) must change this table too.
 */
const PINNED: ReadonlyArray<[number, readonly DomainErrorCode[]]> = [
  [403, [
    'FORBIDDEN',
    'NOT_ASSIGNED_ASSESSOR',
    'NOT_OWNING_UNIT',
    'UNIT_NOT_RECIPIENT',
  ]],
  [404, [
    'ASSESSMENT_NOT_STARTED',
    'INDICATOR_NOT_FOUND',
    'LIBRARY_NOT_OPENED',
    'NOTICE_NOT_ISSUED',
    'PROJECT_NOT_REGISTERED',
  ]],
  [409, [
    'APPLICATION_ALREADY_EXISTS',
    'ASSESSMENT_ALREADY_COMPLETED',
    'ASSESSMENT_ALREADY_STARTED',
    'CATEGORY_ALREADY_DEFINED',
    'INDICATOR_ALREADY_EXISTS',
    'LIBRARY_ALREADY_OPENED',
    'NOTICE_ALREADY_ISSUED',
    'PROJECT_ALREADY_REGISTERED',
  ]],
  [422, [
    'ADJUSTMENT_REASON_REQUIRED',
    'AMOUNT_EXCEEDS_NOTICE',
    'AMOUNT_INVALID',
    'BUDGET_TYPE_INVALID',
    'CATEGORY_ID_REQUIRED',
    'COMMAND_UNKNOWN',
    'CATEGORY_NAME_REQUIRED',
    'CATEGORY_NAME_TAKEN',
    'CATEGORY_NOT_FOUND',
    'COMMON_INDICATOR_NOT_FROM_LIBRARY',
    'CONCLUSION_INCONSISTENT',
    'CONCLUSION_INVALID',
    'CONTINUATION_CONFLICT',
    'DATA_SOURCE_REQUIRED',
    'DECISION_INVALID',
    'DIMENSION_DUPLICATE',
    'DIMENSION_INVALID',
    'DIMENSION_MISSING',
    'DIRECTION_INVALID',
    'DOCUMENT_NO_REQUIRED',
    'EXPLANATION_REQUIRED',
    'EX_ANTE_ASSESSMENT_MISMATCH',
    'EX_ANTE_ASSESSMENT_NOT_PASSED',
    'EX_ANTE_ASSESSMENT_REQUIRED',
    'FISCAL_YEAR_INVALID',
    'GOAL_APPROVED_ADJUSTMENT_REQUIRED',
    'GOAL_FISCAL_YEAR_MISMATCH',
    'GOAL_NOT_APPROVED',
    'GOAL_NOT_DECLARED',
    'GOAL_NOT_REVISED',
    'GOAL_NOT_SUBMITTED',
    'GOAL_PROJECT_MISMATCH',
    'GOAL_REJECTED',
    'GOAL_STATUS_INVALID',
    'GOAL_TABLE_REQUIRED',
    'GOAL_UNDER_REVIEW',
    'GRADE_THRESHOLDS_INVALID',
    'INDICATORS_REQUIRED',
    'INDICATOR_COMMENTS_REQUIRED',
    'INDICATOR_COMMENT_BLANK',
    'INDICATOR_COMMENT_UNKNOWN',
    'INDICATOR_KIND_INVALID',
    'INDICATOR_KIND_MISMATCH',
    'INDICATOR_LIBRARY_MISMATCH',
    'INDICATOR_NAME_DUPLICATE',
    'INDICATOR_NAME_REQUIRED',
    'INDICATOR_NAME_TAKEN',
    'INDICATOR_NOT_IN_LIBRARY',
    'INDICATOR_RETIRED',
    'KEY_TASKS_EXCEED_BUDGET',
    'KEY_TASKS_REQUIRED',
    'KEY_TASK_AMOUNT_INVALID',
    'KEY_TASK_NAME_REQUIRED',
    'LEVEL1_INVALID',
    'LEVEL1_MISSING',
    'LEVEL1_NOT_ENABLED',
    'LEVEL2_NOT_IN_LEVEL1',
    'OPINION_REQUIRED',
    'OVERALL_GOAL_REQUIRED',
    'PARAMETERS_MISMATCH',
    'PARAMETER_INVALID',
    'PERIOD_INVALID',
    'PROJECT_ID_REQUIRED',
    'PROJECT_MISMATCH',
    'PROJECT_NAME_REQUIRED',
    'PROJECT_TYPE_INVALID',
    'PURPOSE_REQUIRED',
    'RATING_INCONSISTENT',
    'RATING_INVALID',
    'REGION_REQUIRED',
    'REJECT_REASON_REQUIRED',
    'RETIRE_REASON_REQUIRED',
    'SCORE_INVALID',
    'SCORE_RATING_MISMATCH',
    'SUB_ITEMS_MAX_MISMATCH',
    'SUB_ITEMS_REQUIRED',
    'SUB_ITEM_INVALID',
    'DIMENSIONS_INVALID',
    'SUB_ITEM_MAX_INVALID',
    'SUB_ITEM_NAME_REQUIRED',
    'SUB_ITEM_SCORE_OUT_OF_RANGE',
    'TARGET_NEGATIVE',
    'TARGET_NOT_NUMERIC',
    'TARGET_PERCENT_OUT_OF_RANGE',
    'TARGET_REQUIRED',
    'TARGET_TRIVIAL',
    'UNIT_OF_MEASURE_REQUIRED',
    'UNIT_REQUIRED',
    'UPPER_GOAL_INDICATOR_INCOMPLETE',
    'UPPER_GOAL_TABLE_REQUIRED',
    'WEIGHTS_NOT_TOTAL',
    'WEIGHT_INVALID',
    'WEIGHT_MISSING',
  ]],
];

const rows = PINNED.flatMap(([status, codes]) => codes.map((code) => [code, status] as const));

describe('domain error → HTTP status', () => {
  it.each(rows)('%s → %i problem+json with the Chinese detail', (code, status) => {
    const problem = toProblem(new DomainError(code, `测试：${code}`, 'field'), { instance: '/x' });
    expect(problem.status).toBe(status);
    expect(problem.body).toMatchObject({ status, code, detail: `测试：${code}`, errors: [{ field: 'field', message: `测试：${code}` }] });
  });

  it('the table names every code there is, each once', () => {
    expect(rows.map(([code]) => code).sort()).toEqual(Object.keys(DOMAIN_ERROR_KINDS).sort());
  });
});
