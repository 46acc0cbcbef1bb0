/* Test fixtures for the performance-goal specs (not used by production code). */
import { Grade } from '../../grades';
import { IndicatorLookup, LibraryIndicator } from '../../indicator-library/types';
import { GoalDeclarationParameters, ParameterOverrides, resolveParameters } from '../../parameters';
import { Project } from '../../project';
import { Actor } from '../../shared';
import { PerformanceGoalCommand } from '../commands';
import { PerformanceGoalEvent } from '../events';
import { DeclaredIndicator, GoalDeclaration, IndicatorComment, ReviewDecision } from '../types';

export const at = '2025-10-10T09:00:00.000Z';
export const unitUser: Actor = { userId: 'u-edu-1', role: 'unit', unitId: 'edu-bureau' };
export const otherUnitUser: Actor = { userId: 'u-health-1', role: 'unit', unitId: 'health-bureau' };
export const reviewer: Actor = { userId: 'f-rev-1', role: 'finance-reviewer' };
export const admin: Actor = { userId: 'f-adm-1', role: 'finance-admin' };

export const params = (overrides: ParameterOverrides = {}): GoalDeclarationParameters =>
  resolveParameters('示例县', 2026, overrides);

export const project: Project = {
  projectId: 'P-2026-001',
  name: '义务教育学校校舍改造',
  unitId: 'edu-bureau',
  region: '示例县',
  fiscalYear: 2026,
  budget: 'general-public',
  projectType: 'ordinary',
  amount: 1_200_000,
  isNew: false,
};

const lib = (i: Omit<LibraryIndicator, 'status' | 'categoryId' | 'explanation' | 'dataSource'> & { status?: 'active' | 'retired' }): LibraryIndicator => ({
  categoryId: 'edu',
  explanation: '示例解释',
  dataSource: '示例来源',
  status: 'active',
  ...i,
});

export const library: IndicatorLookup = {
  'com-001': lib({ id: 'com-001', name: '资金拨付及时率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', kind: 'common' }),
  'com-002': lib({ id: 'com-002', name: '服务对象满意度', level1: 'satisfaction', level2: 'service-recipient', unitOfMeasure: '%', direction: '>=', kind: 'common' }),
  'com-003': lib({ id: 'com-003', name: '生均改造成本', level1: 'cost', level2: 'economic-cost', unitOfMeasure: '元/人', direction: '<=', kind: 'common' }),
  'com-old': lib({ id: 'com-old', name: '资金到位率', level1: 'output', level2: 'timeliness', unitOfMeasure: '%', direction: '>=', kind: 'common', status: 'retired' }),
  'ind-001': lib({ id: 'ind-001', name: '改造校舍面积', level1: 'output', level2: 'quantity', unitOfMeasure: '平方米', direction: '>=', kind: 'individual' }),
};

export const timely: DeclaredIndicator = {
  indicatorId: 'com-001',
  name: '资金拨付及时率',
  level1: 'output',
  level2: 'timeliness',
  kind: 'common',
  direction: '>=',
  unitOfMeasure: '%',
  annualTarget: 95,
};
export const area: DeclaredIndicator = {
  name: '改造校舍面积',
  level1: 'output',
  level2: 'quantity',
  kind: 'individual',
  direction: '>=',
  unitOfMeasure: '平方米',
  annualTarget: 12000,
};
export const students: DeclaredIndicator = {
  name: '受益学生人数',
  level1: 'benefit',
  level2: 'social',
  kind: 'individual',
  direction: '>=',
  unitOfMeasure: '人',
  annualTarget: 3500,
};
export const satisfaction: DeclaredIndicator = {
  indicatorId: 'com-002',
  name: '服务对象满意度',
  level1: 'satisfaction',
  level2: 'service-recipient',
  kind: 'common',
  direction: '>=',
  unitOfMeasure: '%',
  annualTarget: 90,
};
export const unitCost: DeclaredIndicator = {
  indicatorId: 'com-003',
  name: '生均改造成本',
  level1: 'cost',
  level2: 'economic-cost',
  kind: 'common',
  direction: '<=',
  unitOfMeasure: '元/人',
  annualTarget: 350,
};

export const declaration: GoalDeclaration = {
  overallGoal: '完成12所学校校舍改造，改善3500名学生的学习条件',
  indicators: [timely, area, students, satisfaction],
};

/** The declaration with one indicator replaced (matched by name) or others appended. */
export const withIndicator = (replacement: DeclaredIndicator, base: GoalDeclaration = declaration): GoalDeclaration => {
  const exists = base.indicators.some((i) => i.name === replacement.name);
  return {
    ...base,
    indicators: exists ? base.indicators.map((i) => (i.name === replacement.name ? replacement : i)) : [...base.indicators, replacement],
  };
};

// ---- events -------------------------------------------------------------

export const registered = (p: Project = project): PerformanceGoalEvent => ({
  type: 'ProjectRegistered',
  data: { project: p, by: unitUser.userId, at },
});
export const declared = (version = 1, d: GoalDeclaration = declaration, p: Project = project): PerformanceGoalEvent => ({
  type: 'GoalDeclared',
  data: { projectId: p.projectId, version, declaration: d, by: unitUser.userId, at },
});
export const submitted = (version = 1, reviewRound = 1, submission = 1, isAdjustment = false): PerformanceGoalEvent => ({
  type: 'GoalSubmittedForReview',
  data: {
    projectId: project.projectId,
    unitId: project.unitId,
    fiscalYear: project.fiscalYear,
    version,
    reviewRound,
    submission,
    isAdjustment,
    reviewDeadlineDays: 10,
    reminderDaysBefore: 2,
    by: unitUser.userId,
    at,
  },
});
export const approved = (version = 1, reviewRound = 1, rating: 'excellent' | 'good' = 'excellent', isAdjustment = false): PerformanceGoalEvent => ({
  type: 'GoalApproved',
  data: { projectId: project.projectId, version, reviewRound, rating, isAdjustment, by: reviewer.userId, at },
});
export const areaComment: IndicatorComment = { indicatorName: '改造校舍面积', comment: '目标值偏低，应与年度改造计划一致' };
export const returned = (version = 1, reviewRound = 1): PerformanceGoalEvent => ({
  type: 'GoalReturned',
  data: { projectId: project.projectId, version, reviewRound, rating: 'fair', indicatorComments: [areaComment], by: reviewer.userId, at },
});
export const rejected = (): PerformanceGoalEvent => ({
  type: 'GoalRejected',
  data: { projectId: project.projectId, version: 1, reviewRound: 1, rating: 'poor', reason: '立项依据不充分', comments: '立项依据不充分', by: reviewer.userId, at },
});
export const adjustmentRequested = (approvedVersion = 1, reviewRound = 2): PerformanceGoalEvent => ({
  type: 'GoalAdjustmentRequested',
  data: { projectId: project.projectId, reason: '年中追加改造任务', approvedVersion, reviewRound, by: unitUser.userId, at },
});

// ---- commands -----------------------------------------------------------

export const register = (p: Project = project, actor: Actor = unitUser): PerformanceGoalCommand => ({
  type: 'RegisterProject',
  data: { project: p, actor, at },
});
export const declare = (
  d: GoalDeclaration = declaration,
  options: { actor?: Actor; parameters?: GoalDeclarationParameters; projectId?: string } = {},
): PerformanceGoalCommand => ({
  type: 'DeclareGoal',
  data: {
    projectId: options.projectId ?? project.projectId,
    declaration: d,
    library,
    parameters: options.parameters ?? params(),
    actor: options.actor ?? unitUser,
    at,
  },
});
export const submit = (actor: Actor = unitUser): PerformanceGoalCommand => ({
  type: 'SubmitGoalForReview',
  data: { projectId: project.projectId, parameters: params(), actor, at },
});
export const review = (
  decision: ReviewDecision,
  rating: Grade,
  extra: Partial<Extract<PerformanceGoalCommand, { type: 'ReviewGoal' }>['data']> = {},
): PerformanceGoalCommand => ({
  type: 'ReviewGoal',
  data: { projectId: project.projectId, decision, rating, parameters: params(), actor: reviewer, at, ...extra },
});
export const requestAdjustment = (reason = '年中追加改造任务', actor: Actor = unitUser): PerformanceGoalCommand => ({
  type: 'RequestGoalAdjustment',
  data: { projectId: project.projectId, reason, actor, at },
});
