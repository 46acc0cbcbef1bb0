import { describe, it } from '@jest/globals';
import { deciderSpec } from '../shared/testing/decider-spec';
import { performanceGoalDecider } from './index';
import { admin, otherUnitUser, project, register, registered, reviewer } from './testing/fixtures';

const spec = deciderSpec(performanceGoalDecider);

describe('performance goal › project registration', () => {
  it('registers a project for its own unit', () => spec.given([]).when(register()).then([registered()]));

  it('registers a multi-year, department-wide project', () => {
    const p = { ...project, projectType: 'department-wide' as const, multiYear: { startYear: 2025, endYear: 2027 } };
    spec.given([]).when(register(p)).then([registered(p)]);
  });

  it('refuses registering twice', () =>
    spec.given([registered()]).when(register()).thenThrows('PROJECT_ALREADY_REGISTERED'));

  it("refuses another unit's user", () =>
    spec.given([]).when(register(project, otherUnitUser)).thenThrows('NOT_OWNING_UNIT', 'actor.unitId'));

  it.each([reviewer, admin])('refuses finance roles ($role)', (actor) =>
    spec.given([]).when(register(project, actor)).thenThrows('FORBIDDEN'));

  it.each([
    ['PROJECT_NAME_REQUIRED', { name: '' }, 'project.name'],
    // Wrong types from a caller that skipped the gateway: a rule, not `value.trim is not a function`.
    ['PROJECT_NAME_REQUIRED', { name: 42 }, 'project.name'],
    ['PROJECT_NAME_REQUIRED', { name: ['a'] }, 'project.name'],
    ['PROJECT_NAME_REQUIRED', { name: null }, 'project.name'],
    ['AMOUNT_INVALID', { amount: '1200000' }, 'project.amount'],
    ['AMOUNT_INVALID', { amount: 0 }, 'project.amount'],
    ['AMOUNT_INVALID', { amount: Number.NaN }, 'project.amount'],
    ['BUDGET_TYPE_INVALID', { budget: 'local' }, 'project.budget'],
    ['PROJECT_TYPE_INVALID', { projectType: 'misc' }, 'project.projectType'],
    ['FISCAL_YEAR_INVALID', { fiscalYear: 2026.5 }, 'project.fiscalYear'],
    ['PERIOD_INVALID', { multiYear: { startYear: 2027, endYear: 2025 } }, 'project.multiYear'],
    ['PERIOD_INVALID', { multiYear: { startYear: 2023, endYear: 2025 } }, 'project.multiYear'],
    ['CONTINUATION_CONFLICT', { isNew: true, expiringProposedToContinue: true }, 'project.expiringProposedToContinue'],
  ])('refuses %s (%o)', (code, change, field) =>
    spec
      .given([])
      .when(register({ ...project, ...(change as object) }))
      .thenThrows(code, field),
  );

  it('names the field in Chinese', () =>
    spec
      .given([])
      .when(register({ ...project, amount: -5 }))
      .thenThrows('AMOUNT_INVALID', 'project.amount', '项目“义务教育学校校舍改造”的预算金额应为大于0的数值（元），当前为“-5”'));
});
