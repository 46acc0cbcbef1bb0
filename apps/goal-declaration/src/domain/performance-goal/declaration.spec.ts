import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '../shared/testing/decider-spec';
import { DeclaredIndicator, GoalDeclaration, performanceGoalDecider, validateDeclaration } from './index';
import {
  approved,
  area,
  declaration,
  declare,
  declared,
  library,
  otherUnitUser,
  params,
  project,
  registered,
  rejected,
  reviewer,
  satisfaction,
  students,
  submitted,
  timely,
  unitCost,
  withIndicator,
} from './testing/fixtures';

const spec = deciderSpec(performanceGoalDecider);
const draft = [registered()];
const refuse = (d: GoalDeclaration, code: string, field?: string, message?: string | RegExp) =>
  spec.given(draft).when(declare(d)).thenThrows(code, field, message);

describe('performance goal › declaration', () => {
  describe('accepted', () => {
    it('declares version 1', () => spec.given(draft).when(declare()).then([declared(1)]));

    it('re-declares a draft as version 2', () => spec.given([...draft, declared(1)]).when(declare()).then([declared(2)]));

    it('accepts a qualitative indicator with a text target and no unit', () => {
      const q: DeclaredIndicator = {
        name: '办学条件改善情况',
        level1: 'benefit',
        level2: 'sustained',
        kind: 'individual',
        direction: 'qualitative',
        annualTarget: '校舍安全隐患全部消除',
      };
      const d = withIndicator(q);
      spec.given(draft).when(declare(d)).then([declared(1, d)]);
    });

    it('accepts weights summing to 100', () => {
      const d = { ...declaration, indicators: declaration.indicators.map((i, n) => ({ ...i, weight: [20, 30, 30, 20][n] })) };
      spec.given(draft).when(declare(d)).then([declared(1, d)]);
    });

    it('accepts 成本 indicators when the region enables the cost level', () => {
      const d = withIndicator(unitCost);
      spec.given(draft).when(declare(d, { parameters: params({ costLevelEnabled: true }) })).then([declared(1, d)]);
    });

    it('accepts an individual indicator taken from the library', () => {
      const d = withIndicator({ ...area, indicatorId: 'ind-001' });
      spec.given(draft).when(declare(d)).then([declared(1, d)]);
    });
  });

  describe('who and when', () => {
    it('refuses before the project is registered', () =>
      spec.given([]).when(declare()).thenThrows('PROJECT_NOT_REGISTERED'));
    it("refuses another unit's user", () =>
      spec.given(draft).when(declare(declaration, { actor: otherUnitUser })).thenThrows('NOT_OWNING_UNIT'));
    it('refuses a finance reviewer', () =>
      spec.given(draft).when(declare(declaration, { actor: reviewer })).thenThrows('FORBIDDEN'));
    it('refuses a command for another project', () =>
      spec.given(draft).when(declare(declaration, { projectId: 'P-X' })).thenThrows('PROJECT_MISMATCH', 'projectId'));
    it("refuses another region's parameters", () =>
      spec
        .given(draft)
        .when(declare(declaration, { parameters: { ...params(), region: '别县' } }))
        .thenThrows('PARAMETERS_MISMATCH', 'parameters'));
    it('refuses while under review', () =>
      spec.given([...draft, declared(), submitted()]).when(declare()).thenThrows('GOAL_UNDER_REVIEW'));
    it('refuses changing an approved goal without an adjustment request', () =>
      spec
        .given([...draft, declared(), submitted(), approved()])
        .when(declare())
        .thenThrows('GOAL_APPROVED_ADJUSTMENT_REQUIRED', undefined, /调整申请/));
    it('refuses after rejection', () =>
      spec.given([...draft, declared(), submitted(), rejected()]).when(declare()).thenThrows('GOAL_REJECTED'));
  });

  describe('overall goal and indicator fields', () => {
    it('requires the overall goal', () =>
      refuse({ ...declaration, overallGoal: '  ' }, 'OVERALL_GOAL_REQUIRED', 'declaration.overallGoal', '绩效目标表缺少“总体目标”'));
    it('requires indicators', () => refuse({ ...declaration, indicators: [] }, 'INDICATORS_REQUIRED'));
    it('requires indicator names', () =>
      refuse(
        { ...declaration, indicators: [...declaration.indicators, { ...students, name: '' }] },
        'INDICATOR_NAME_REQUIRED',
        'declaration.indicators[4].name',
        '第5个指标缺少指标名称',
      ));
    it('refuses duplicate indicator names', () =>
      refuse({ ...declaration, indicators: [...declaration.indicators, students] }, 'INDICATOR_NAME_DUPLICATE', 'declaration.indicators[4].name'));
    it('refuses an unknown kind', () =>
      refuse(withIndicator({ ...students, kind: 'special' as never }), 'INDICATOR_KIND_INVALID', 'declaration.indicators[2].kind'));
    it('refuses an unknown direction', () =>
      refuse(withIndicator({ ...students, direction: '' as never }), 'DIRECTION_INVALID', 'declaration.indicators[2].direction'));
    it('refuses a level 2 outside its level 1', () =>
      refuse(
        withIndicator({ ...students, level2: 'quantity' }),
        'LEVEL2_NOT_IN_LEVEL1',
        'declaration.indicators[2].level2',
        '指标“受益学生人数”的二级指标“数量”不属于一级指标“效益”',
      ));
    it('refuses an unknown level 1', () =>
      refuse(withIndicator({ ...students, level1: 'impact' as never }), 'LEVEL1_INVALID', 'declaration.indicators[2].level1'));
    it('refuses 成本 as level 1 when not enabled', () =>
      refuse(withIndicator(unitCost), 'LEVEL1_NOT_ENABLED', 'declaration.indicators[4].level1'));
  });

  describe('common indicators come from the library', () => {
    it('refuses a common indicator without library id', () =>
      refuse(
        withIndicator({ ...timely, indicatorId: undefined }),
        'COMMON_INDICATOR_NOT_FROM_LIBRARY',
        'declaration.indicators[0].indicatorId',
        '指标“资金拨付及时率”为共性指标，须从指标库中选取（缺少指标库编码）',
      ));
    it('refuses an id missing from the library', () =>
      refuse(withIndicator({ ...timely, indicatorId: 'com-999' }), 'INDICATOR_NOT_IN_LIBRARY', 'declaration.indicators[0].indicatorId'));
    it('refuses a retired library indicator', () =>
      refuse(withIndicator({ ...timely, indicatorId: 'com-old', name: '资金拨付及时率' }), 'INDICATOR_RETIRED'));
    it('refuses a kind different from the library', () =>
      refuse(withIndicator({ ...area, indicatorId: 'com-001' }), 'INDICATOR_KIND_MISMATCH', 'declaration.indicators[1].kind'));
    it('refuses a direction different from the library', () =>
      refuse(
        withIndicator({ ...timely, direction: '=' }),
        'INDICATOR_LIBRARY_MISMATCH',
        'declaration.indicators[0].direction',
        '指标“资金拨付及时率”与指标库不一致：指标方向应为“≥（越大越好）”',
      ));
    it('refuses a unit of measure different from the library', () =>
      refuse(withIndicator({ ...timely, unitOfMeasure: '天' }), 'INDICATOR_LIBRARY_MISMATCH', 'declaration.indicators[0].unitOfMeasure'));
    it('refuses a renamed library indicator', () => {
      const renamed = { ...declaration, indicators: [{ ...timely, name: '拨付及时率' }, area, students, satisfaction] };
      refuse(renamed, 'INDICATOR_LIBRARY_MISMATCH', 'declaration.indicators[0].name');
    });
    it('refuses level differences from the library', () =>
      refuse(withIndicator({ ...timely, level2: 'quality' }), 'INDICATOR_LIBRARY_MISMATCH', 'declaration.indicators[0].level2'));
  });

  describe('level 1 coverage', () => {
    it.each([
      ['产出', 'output'],
      ['效益', 'benefit'],
      ['满意度', 'satisfaction'],
    ])('requires at least one %s indicator', (label, level1) =>
      refuse(
        { ...declaration, indicators: declaration.indicators.filter((i) => i.level1 !== level1) },
        'LEVEL1_MISSING',
        'declaration.indicators',
        `一级指标“${label}”下至少需要设置一个绩效指标`,
      ));
    it('requires a 成本 indicator when the region enables it', () =>
      spec
        .given(draft)
        .when(declare(declaration, { parameters: params({ costLevelEnabled: true }) }))
        .thenThrows('LEVEL1_MISSING', undefined, '一级指标“成本”下至少需要设置一个绩效指标'));
  });

  describe('quantitative indicators', () => {
    it('require a target', () =>
      refuse(
        withIndicator({ ...students, annualTarget: undefined }),
        'TARGET_REQUIRED',
        'declaration.indicators[2].annualTarget',
        '指标“受益学生人数”缺少目标值',
      ));
    it('require a numeric target', () =>
      refuse(withIndicator({ ...students, annualTarget: '三千五百' }), 'TARGET_NOT_NUMERIC', 'declaration.indicators[2].annualTarget'));
    it('require a unit of measure', () =>
      refuse(
        withIndicator({ ...students, unitOfMeasure: '' }),
        'UNIT_OF_MEASURE_REQUIRED',
        'declaration.indicators[2].unitOfMeasure',
        '定量指标“受益学生人数”缺少计量单位',
      ));
    it('qualitative ones require a target text', () =>
      refuse(
        withIndicator({ ...students, direction: 'qualitative', unitOfMeasure: undefined, annualTarget: ' ' }),
        'TARGET_REQUIRED',
        'declaration.indicators[2].annualTarget',
      ));
  });

  describe('multi-year projects', () => {
    const multiYear = { ...project, multiYear: { startYear: 2025, endYear: 2027 } };
    it('require a period target on every indicator', () =>
      spec
        .given([registered(multiYear)])
        .when(declare())
        .thenThrows('TARGET_REQUIRED', 'declaration.indicators[0].periodTarget', '指标“资金拨付及时率”缺少实施期目标值'));
    it('accept period targets', () => {
      const d = { ...declaration, indicators: declaration.indicators.map((i) => ({ ...i, periodTarget: i.annualTarget })) };
      spec.given([registered(multiYear)]).when(declare(d)).then([declared(1, d)]);
    });
    it('refuse an implausible period target', () => {
      const d = { ...declaration, indicators: declaration.indicators.map((i) => ({ ...i, periodTarget: -1 })) };
      spec.given([registered(multiYear)]).when(declare(d)).thenThrows('TARGET_NEGATIVE', 'declaration.indicators[0].periodTarget');
    });
  });

  describe('target plausibility', () => {
    it('refuses negative targets', () =>
      refuse(withIndicator({ ...students, annualTarget: -10 }), 'TARGET_NEGATIVE', 'declaration.indicators[2].annualTarget'));
    it('refuses percentages above 100', () =>
      refuse(withIndicator({ ...timely, annualTarget: 120 }), 'TARGET_PERCENT_OUT_OF_RANGE', 'declaration.indicators[0].annualTarget'));
    it("refuses a '<=' rate above 100%", () => {
      const complaints: DeclaredIndicator = { name: '投诉率', level1: 'benefit', level2: 'social', kind: 'individual', direction: '<=', unitOfMeasure: '%', annualTarget: 150 };
      refuse(withIndicator(complaints), 'TARGET_PERCENT_OUT_OF_RANGE', 'declaration.indicators[4].annualTarget');
    });
    it("refuses a '<=' rate of 100% (met by default)", () => {
      const complaints: DeclaredIndicator = { name: '投诉率', level1: 'benefit', level2: 'social', kind: 'individual', direction: '<=', unitOfMeasure: '%', annualTarget: 100 };
      refuse(withIndicator(complaints), 'TARGET_TRIVIAL');
    });
    it("refuses a '>=' target of 0 (met by default)", () =>
      refuse(withIndicator({ ...students, annualTarget: 0 }), 'TARGET_TRIVIAL', 'declaration.indicators[2].annualTarget'));
    it("accepts a '<=' target of 0", () => {
      const accidents: DeclaredIndicator = { name: '安全事故发生数', level1: 'output', level2: 'quality', kind: 'individual', direction: '<=', unitOfMeasure: '起', annualTarget: 0 };
      const d = withIndicator(accidents);
      spec.given(draft).when(declare(d)).then([declared(1, d)]);
    });
  });

  describe('weights', () => {
    const weighted = (weights: Array<number | undefined>): GoalDeclaration => ({
      ...declaration,
      indicators: declaration.indicators.map((i, n) => ({ ...i, weight: weights[n] })),
    });
    it('refuse a missing weight when others have one', () =>
      refuse(weighted([50, 50, undefined, undefined]), 'WEIGHT_MISSING', 'declaration.indicators[2].weight'));
    it('refuse a zero or negative weight', () =>
      refuse(weighted([0, 50, 30, 20]), 'WEIGHT_INVALID', 'declaration.indicators[0].weight'));
    it('refuse weights not summing to 100', () =>
      refuse(weighted([20, 30, 30, 10]), 'WEIGHTS_NOT_TOTAL', 'declaration.indicators', '各指标权重合计应为100，当前为90'));
    it('accept fractional weights summing to 100', () => {
      const d = weighted([33.3, 33.3, 23.4, 10]);
      spec.given(draft).when(declare(d)).then([declared(1, d)]);
    });
  });

  describe('department-wide goals', () => {
    const department = { ...project, projectType: 'department-wide' as const, amount: 30_000_000 };
    const given = [registered(department)];
    it('require key tasks', () =>
      spec.given(given).when(declare()).thenThrows('KEY_TASKS_REQUIRED', 'declaration.keyTasks'));
    it('accept key tasks within the budget', () => {
      const d = { ...declaration, keyTasks: [{ name: '校舍安全保障', amount: 12_000_000 }, { name: '教师培训', amount: 3_000_000 }] };
      spec.given(given).when(declare(d)).then([declared(1, d)]);
    });
    it('refuse key tasks over the budget', () =>
      spec
        .given(given)
        .when(declare({ ...declaration, keyTasks: [{ name: '校舍安全保障', amount: 31_000_000 }] }))
        .thenThrows('KEY_TASKS_EXCEED_BUDGET'));
    it('refuse a key task without amount', () =>
      spec
        .given(given)
        .when(declare({ ...declaration, keyTasks: [{ name: '教师培训', amount: 0 }] }))
        .thenThrows('KEY_TASK_AMOUNT_INVALID', 'declaration.keyTasks[0].amount'));
    it('refuse a key task without name', () =>
      spec
        .given(given)
        .when(declare({ ...declaration, keyTasks: [{ name: '', amount: 10 }] }))
        .thenThrows('KEY_TASK_NAME_REQUIRED', 'declaration.keyTasks[0].name'));
  });

  it('validateDeclaration lists every problem at once', () => {
    const problems = validateDeclaration({
      project,
      library,
      parameters: params(),
      declaration: { overallGoal: '', indicators: [{ ...students, annualTarget: undefined }, { ...timely, indicatorId: undefined }] },
    });
    expect(problems.map((p) => p.code)).toEqual([
      'OVERALL_GOAL_REQUIRED',
      'COMMON_INDICATOR_NOT_FROM_LIBRARY',
      'TARGET_REQUIRED',
      'LEVEL1_MISSING',
    ]);
  });
});
