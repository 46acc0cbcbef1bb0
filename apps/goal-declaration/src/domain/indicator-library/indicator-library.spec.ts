import { describe, expect, it } from '@jest/globals';
import { Actor } from '../shared';
import { deciderSpec, stateAfter } from '../shared/testing/decider-spec';
import {
  IndicatorDefinition,
  IndicatorLibraryCommand,
  IndicatorLibraryEvent,
  indicatorLibraryDecider,
  indicatorLookup,
} from './index';

const admin: Actor = { userId: 'admin-1', role: 'finance-admin' };
const at = '2025-09-01T08:00:00.000Z';
const spec = deciderSpec(indicatorLibraryDecider);

const opened = (costLevelEnabled = false): IndicatorLibraryEvent => ({
  type: 'IndicatorLibraryOpened',
  data: { region: '示例县', fiscalYear: 2026, costLevelEnabled, by: admin.userId, at },
});
const education: IndicatorLibraryEvent = {
  type: 'IndicatorCategoryDefined',
  data: { category: { id: 'edu', name: '教育' }, by: admin.userId, at },
};
const beneficiaries: IndicatorDefinition = {
  id: 'edu-001',
  categoryId: 'edu',
  name: '受益学生人数',
  level1: 'benefit',
  level2: 'social',
  unitOfMeasure: '人',
  direction: '>=',
  explanation: '当年受资助的在校学生人数',
  dataSource: '学籍管理系统',
  kind: 'common',
};
const added = (indicator: IndicatorDefinition = beneficiaries): IndicatorLibraryEvent => ({
  type: 'IndicatorAdded',
  data: { indicator, by: admin.userId, at },
});
const add = (indicator: IndicatorDefinition, actor: Actor = admin): IndicatorLibraryCommand => ({
  type: 'AddIndicator',
  data: { indicator, actor, at },
});

describe('indicator library', () => {
  describe('open', () => {
    it('opens a region-year library', () =>
      spec
        .given([])
        .when({ type: 'OpenIndicatorLibrary', data: { region: '示例县', fiscalYear: 2026, costLevelEnabled: false, actor: admin, at } })
        .then([opened()]));

    it('refuses to open twice', () =>
      spec
        .given([opened()])
        .when({ type: 'OpenIndicatorLibrary', data: { region: '示例县', fiscalYear: 2026, costLevelEnabled: false, actor: admin, at } })
        .thenThrows('LIBRARY_ALREADY_OPENED'));

    it('refuses a non-integer fiscal year', () =>
      spec
        .given([])
        .when({ type: 'OpenIndicatorLibrary', data: { region: '示例县', fiscalYear: 2026.5, costLevelEnabled: false, actor: admin, at } })
        .thenThrows('FISCAL_YEAR_INVALID', 'fiscalYear'));

    it('refuses commands before the library is opened', () =>
      spec.given([]).when(add(beneficiaries)).thenThrows('LIBRARY_NOT_OPENED'));
  });

  describe('roles', () => {
    it.each(['unit', 'finance-reviewer', 'evaluator', 'auditor'] as const)('refuses %s', (role) => {
      spec
        .given([opened(), education])
        .when(add(beneficiaries, { userId: 'u', role, unitId: 'unit-1' }))
        .thenThrows('FORBIDDEN', 'actor.role', /财政绩效管理人员/);
    });
  });

  describe('categories', () => {
    const define = (id: string, name: string): IndicatorLibraryCommand => ({
      type: 'DefineIndicatorCategory',
      data: { category: { id, name }, actor: admin, at },
    });
    it('defines a category', () => spec.given([opened()]).when(define('edu', '教育')).then([education]));
    it('refuses a duplicate id', () =>
      spec.given([opened(), education]).when(define('edu', '教育2')).thenThrows('CATEGORY_ALREADY_DEFINED'));
    it('refuses a duplicate name', () =>
      spec.given([opened(), education]).when(define('edu2', '教育')).thenThrows('CATEGORY_NAME_TAKEN'));
    it('refuses a blank name', () =>
      spec.given([opened()]).when(define('x', ' ')).thenThrows('CATEGORY_NAME_REQUIRED', 'category.name'));
    it('refuses a blank id', () => spec.given([opened()]).when(define('', '教育')).thenThrows('CATEGORY_ID_REQUIRED'));
  });

  describe('add indicator', () => {
    it('adds a valid indicator', () => spec.given([opened(), education]).when(add(beneficiaries)).then([added()]));

    it('adds a qualitative indicator without unit', () => {
      const qualitative: IndicatorDefinition = {
        ...beneficiaries,
        id: 'edu-002',
        name: '办学条件改善情况',
        direction: 'qualitative',
        unitOfMeasure: undefined,
      };
      spec.given([opened(), education]).when(add(qualitative)).then([added(qualitative)]);
    });

    it('refuses a duplicate id', () =>
      spec.given([opened(), education, added()]).when(add(beneficiaries)).thenThrows('INDICATOR_ALREADY_EXISTS'));

    it('refuses a duplicate name within the category', () => {
      spec
        .given([opened(), education, added()])
        .when(add({ ...beneficiaries, id: 'edu-009' }))
        .thenThrows('INDICATOR_NAME_TAKEN', 'indicator.name', '指标名称“受益学生人数”在类别“教育”中已存在');
    });

    it('allows the same name in another category', () => {
      const health: IndicatorLibraryEvent = {
        type: 'IndicatorCategoryDefined',
        data: { category: { id: 'health', name: '卫生健康' }, by: admin.userId, at },
      };
      const other = { ...beneficiaries, id: 'h-001', categoryId: 'health' };
      spec.given([opened(), education, health, added()]).when(add(other)).then([added(other)]);
    });

    it('allows reusing the name of a retired indicator', () => {
      const retired: IndicatorLibraryEvent = {
        type: 'IndicatorRetired',
        data: { indicatorId: 'edu-001', reason: '口径调整', by: admin.userId, at },
      };
      const again = { ...beneficiaries, id: 'edu-010' };
      spec.given([opened(), education, added(), retired]).when(add(again)).then([added(again)]);
    });

    it('refuses an unknown category', () =>
      spec.given([opened()]).when(add(beneficiaries)).thenThrows('CATEGORY_NOT_FOUND', 'indicator.categoryId'));

    it('refuses a level 2 outside its level 1', () => {
      spec
        .given([opened(), education])
        .when(add({ ...beneficiaries, level1: 'output', level2: 'social' }))
        .thenThrows('LEVEL2_NOT_IN_LEVEL1', 'indicator.level2', '指标“受益学生人数”的二级指标“社会”不属于一级指标“产出”');
    });

    it('refuses an unknown level 1', () =>
      spec
        .given([opened(), education])
        .when(add({ ...beneficiaries, level1: 'impact' as never }))
        .thenThrows('LEVEL1_INVALID', 'indicator.level1'));

    it('refuses 成本 as level 1 when the region has not enabled it', () =>
      spec
        .given([opened(false), education])
        .when(add({ ...beneficiaries, level1: 'cost', level2: 'economic-cost', name: '单位成本', unitOfMeasure: '元' }))
        .thenThrows('LEVEL1_NOT_ENABLED', 'indicator.level1'));

    it('accepts 成本 as level 1 when enabled', () => {
      const cost: IndicatorDefinition = { ...beneficiaries, level1: 'cost', level2: 'economic-cost', name: '生均成本', unitOfMeasure: '元', direction: '<=' };
      spec.given([opened(true), education]).when(add(cost)).then([added(cost)]);
    });

    it('accepts 成本 as level 2 under 产出 even when the cost level 1 is off', () => {
      const cost: IndicatorDefinition = { ...beneficiaries, level1: 'output', level2: 'cost', name: '生均补助标准', unitOfMeasure: '元/人', direction: '=' };
      spec.given([opened(false), education]).when(add(cost)).then([added(cost)]);
    });

    it('refuses a quantitative indicator without unit of measure', () => {
      spec
        .given([opened(), education])
        .when(add({ ...beneficiaries, unitOfMeasure: '' }))
        .thenThrows('UNIT_OF_MEASURE_REQUIRED', 'indicator.unitOfMeasure', '定量指标“受益学生人数”缺少计量单位');
    });

    it('refuses an unknown direction', () =>
      spec.given([opened(), education]).when(add({ ...beneficiaries, direction: '>' as never })).thenThrows('DIRECTION_INVALID'));

    it('refuses an unknown kind', () =>
      spec.given([opened(), education]).when(add({ ...beneficiaries, kind: 'shared' as never })).thenThrows('INDICATOR_KIND_INVALID'));

    it('refuses a blank name', () =>
      spec.given([opened(), education]).when(add({ ...beneficiaries, name: '' })).thenThrows('INDICATOR_NAME_REQUIRED'));

    it('refuses a missing explanation', () =>
      spec.given([opened(), education]).when(add({ ...beneficiaries, explanation: '' })).thenThrows('EXPLANATION_REQUIRED'));

    it('refuses a missing data source', () =>
      spec.given([opened(), education]).when(add({ ...beneficiaries, dataSource: ' ' })).thenThrows('DATA_SOURCE_REQUIRED'));
  });

  describe('revise indicator', () => {
    const revise = (changes: object, indicatorId = 'edu-001'): IndicatorLibraryCommand => ({
      type: 'ReviseIndicator',
      data: { indicatorId, changes, reason: '口径细化', actor: admin, at },
    });

    it('records only the fields that changed', () =>
      spec
        .given([opened(), education, added()])
        .when(revise({ name: '受益学生人数', explanation: '当年实际受资助学生人次' }))
        .then([
          {
            type: 'IndicatorRevised',
            data: { indicatorId: 'edu-001', changes: { explanation: '当年实际受资助学生人次' }, reason: '口径细化', by: admin.userId, at },
          },
        ]));

    it('does nothing when nothing changes', () =>
      spec.given([opened(), education, added()]).when(revise({ name: '受益学生人数' })).thenNothing());

    it('applies revisions to state', () => {
      const state = stateAfter(indicatorLibraryDecider, [
        opened(),
        education,
        added(),
        { type: 'IndicatorRevised', data: { indicatorId: 'edu-001', changes: { unitOfMeasure: '人次' }, by: admin.userId, at } },
      ]);
      expect(indicatorLookup(state)['edu-001']).toMatchObject({ unitOfMeasure: '人次', status: 'active' });
    });

    it('refuses an unknown indicator', () =>
      spec.given([opened(), education]).when(revise({ name: 'x' }, 'nope')).thenThrows('INDICATOR_NOT_FOUND'));

    it('refuses turning quantitative without unit', () =>
      spec
        .given([opened(), education, added({ ...beneficiaries, direction: 'qualitative', unitOfMeasure: undefined })])
        .when(revise({ direction: '>=' }))
        .thenThrows('UNIT_OF_MEASURE_REQUIRED'));

    it('refuses a level 2 outside the level 1', () =>
      spec.given([opened(), education, added()]).when(revise({ level2: 'quantity' })).thenThrows('LEVEL2_NOT_IN_LEVEL1'));

    it('refuses a name clash with another indicator of the category', () => {
      const other = { ...beneficiaries, id: 'edu-002', name: '资助资金发放及时率', unitOfMeasure: '%' };
      spec
        .given([opened(), education, added(), added(other)])
        .when(revise({ name: '受益学生人数' }, 'edu-002'))
        .thenThrows('INDICATOR_NAME_TAKEN');
    });

    it('refuses revising a retired indicator', () =>
      spec
        .given([opened(), education, added(), { type: 'IndicatorRetired', data: { indicatorId: 'edu-001', reason: '合并', by: admin.userId, at } }])
        .when(revise({ name: '新名称' }))
        .thenThrows('INDICATOR_RETIRED'));
  });

  describe('retire indicator', () => {
    const retire = (reason: string): IndicatorLibraryCommand => ({
      type: 'RetireIndicator',
      data: { indicatorId: 'edu-001', reason, actor: admin, at },
    });
    const retired: IndicatorLibraryEvent = {
      type: 'IndicatorRetired',
      data: { indicatorId: 'edu-001', reason: '与其他指标重复', by: admin.userId, at },
    };
    it('retires an indicator', () => spec.given([opened(), education, added()]).when(retire('与其他指标重复')).then([retired]));
    it('is idempotent', () => spec.given([opened(), education, added(), retired]).when(retire('再次')).thenNothing());
    it('requires a reason', () =>
      spec.given([opened(), education, added()]).when(retire('')).thenThrows('RETIRE_REASON_REQUIRED', 'reason'));
    it('marks it retired in the lookup', () => {
      const state = stateAfter(indicatorLibraryDecider, [opened(), education, added(), retired]);
      expect(indicatorLookup(state)['edu-001']?.status).toBe('retired');
    });
  });
});
