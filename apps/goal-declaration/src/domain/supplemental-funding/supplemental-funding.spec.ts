import { describe, expect, it } from '@jest/globals';
import { GoalSnapshot } from '../performance-goal/snapshot';
import { declaration } from '../performance-goal/testing/fixtures';
import { Actor } from '../shared';
import { deciderSpec, stateAfter } from '../shared/testing/decider-spec';
import { SupplementalFundingCommand, SupplementalFundingEvent, UpperLevelGoalTable, supplementalFundingDecider } from './index';

const at = '2026-05-06T03:00:00.000Z';
const admin: Actor = { userId: 'f-adm-1', role: 'finance-admin' };
const unit: Actor = { userId: 'u-edu-1', role: 'unit', unitId: 'edu-bureau' };
const spec = deciderSpec(supplementalFundingDecider);

const upperTable: UpperLevelGoalTable = {
  overallGoal: '支持改善义务教育薄弱环节学校办学条件',
  indicators: [
    { name: '改造学校数量', level1: '产出', level2: '数量', direction: '>=', unitOfMeasure: '所', target: 12 },
    { name: '学生满意度', direction: '>=', unitOfMeasure: '%', target: 90 },
  ],
};
const noticeData = {
  noticeId: 'N-2026-03',
  region: '示例县',
  fiscalYear: 2026,
  documentNo: '示财教〔2026〕12号',
  fundName: '义务教育薄弱环节改善与能力提升补助资金',
  source: 'provincial' as const,
  amount: 2_000_000,
  upperLevelGoalTable: upperTable,
};
const issue = (extra: object = {}, actor: Actor = admin): SupplementalFundingCommand => ({
  type: 'IssueFundNotice',
  data: { ...noticeData, actor, at, ...extra },
});
const issued = (extra: object = {}): SupplementalFundingEvent => ({
  type: 'FundNoticeIssued',
  data: { ...noticeData, by: admin.userId, at, ...extra },
});

const approvedGoal: GoalSnapshot = {
  projectId: 'P-2026-001',
  unitId: 'edu-bureau',
  fiscalYear: 2026,
  status: 'approved',
  approved: { version: 2, declaration },
};
const applyWith = (goal: GoalSnapshot | undefined, extra: object = {}, actor: Actor = unit): SupplementalFundingCommand => ({
  type: 'ApplyForSupplementalFunds',
  data: { noticeId: 'N-2026-03', applicationId: 'A-1', projectId: 'P-2026-001', amount: 800_000, purpose: '薄弱学校校舍维修', goal, actor, at, ...extra },
});
const applied = (extra: object = {}): SupplementalFundingEvent => ({
  type: 'SupplementalFundsApplied',
  data: {
    noticeId: 'N-2026-03',
    applicationId: 'A-1',
    projectId: 'P-2026-001',
    unitId: 'edu-bureau',
    amount: 800_000,
    purpose: '薄弱学校校舍维修',
    goalVersion: 2,
    goalTable: declaration,
    by: unit.userId,
    at,
    ...extra,
  },
});

describe('supplemental funding › fund notice', () => {
  it('issues a notice with the upper level goal table', () => spec.given([]).when(issue()).then([issued()]));
  it('accepts a finance reviewer', () =>
    spec.given([]).when(issue({}, { userId: 'f-rev-1', role: 'finance-reviewer' })).then([{ ...issued(), data: { ...issued().data, by: 'f-rev-1' } } as never]));
  it('refuses a unit user', () => spec.given([]).when(issue({}, unit)).thenThrows('FORBIDDEN'));
  it('refuses issuing twice', () => spec.given([issued()]).when(issue()).thenThrows('NOTICE_ALREADY_ISSUED'));
  it('requires the upper level goal table', () =>
    spec.given([]).when(issue({ upperLevelGoalTable: { overallGoal: '', indicators: [] } })).thenThrows('UPPER_GOAL_TABLE_REQUIRED', 'upperLevelGoalTable'));
  it('requires indicators in the upper level table', () =>
    spec.given([]).when(issue({ upperLevelGoalTable: { overallGoal: '目标', indicators: [] } })).thenThrows('UPPER_GOAL_TABLE_REQUIRED'));
  it('requires each upper level indicator to have a target', () =>
    spec
      .given([])
      .when(issue({ upperLevelGoalTable: { ...upperTable, indicators: [{ name: '改造学校数量', target: '' }] } }))
      .thenThrows('UPPER_GOAL_INDICATOR_INCOMPLETE', 'upperLevelGoalTable.indicators[0].target', '上级绩效目标表中指标“改造学校数量”缺少目标值'));
  it('requires each upper level indicator to have a name', () =>
    spec
      .given([])
      .when(issue({ upperLevelGoalTable: { ...upperTable, indicators: [{ name: ' ', target: 1 }] } }))
      .thenThrows('UPPER_GOAL_INDICATOR_INCOMPLETE', 'upperLevelGoalTable.indicators[0].name'));
  it('requires a document number', () => spec.given([]).when(issue({ documentNo: '' })).thenThrows('DOCUMENT_NO_REQUIRED'));
  it('requires a positive amount', () => spec.given([]).when(issue({ amount: 0 })).thenThrows('AMOUNT_INVALID', 'amount'));
});

describe('supplemental funding › unit application (no goals, no money)', () => {
  it('accepts an application carrying an approved goal table', () =>
    spec.given([issued()]).when(applyWith(approvedGoal)).then([applied()]));
  it('accepts while an adjustment is pending (the approved table is still in force)', () =>
    spec.given([issued()]).when(applyWith({ ...approvedGoal, status: 'adjustment-requested' })).then([applied()]));
  it('refuses an application without a goal table', () =>
    spec.given([issued()]).when(applyWith(undefined)).thenThrows('GOAL_TABLE_REQUIRED', 'goal', '追加资金申请须附项目“P-2026-001”经批复的绩效目标表'));
  it.each(['draft', 'submitted', 'returned', 'rejected'] as const)('refuses a goal table still %s', (status) => {
    const notApproved: GoalSnapshot = { projectId: 'P-2026-001', unitId: 'edu-bureau', fiscalYear: 2026, status };
    spec.given([issued()]).when(applyWith(notApproved)).thenThrows('GOAL_NOT_APPROVED', 'goal.status');
  });
  it("refuses another project's goal table", () =>
    spec.given([issued()]).when(applyWith({ ...approvedGoal, projectId: 'P-OTHER' })).thenThrows('GOAL_PROJECT_MISMATCH'));
  it("refuses another unit's project", () =>
    spec.given([issued()]).when(applyWith({ ...approvedGoal, unitId: 'health-bureau' })).thenThrows('NOT_OWNING_UNIT', 'goal.unitId'));
  it('refuses a goal table of another year', () =>
    spec.given([issued()]).when(applyWith({ ...approvedGoal, fiscalYear: 2025 })).thenThrows('GOAL_FISCAL_YEAR_MISMATCH'));
  it('refuses before the notice is issued', () => spec.given([]).when(applyWith(approvedGoal)).thenThrows('NOTICE_NOT_ISSUED'));
  it('refuses finance users applying', () =>
    spec.given([issued()]).when(applyWith(approvedGoal, {}, admin)).thenThrows('FORBIDDEN'));
  it('refuses units outside the notice', () =>
    spec.given([issued({ recipientUnitIds: ['health-bureau'] })]).when(applyWith(approvedGoal)).thenThrows('UNIT_NOT_RECIPIENT'));
  it('refuses a duplicate application id', () =>
    spec.given([issued(), applied()]).when(applyWith(approvedGoal)).thenThrows('APPLICATION_ALREADY_EXISTS'));
  it('refuses more than the notice still holds', () =>
    spec
      .given([issued(), applied()])
      .when(applyWith(approvedGoal, { applicationId: 'A-2', amount: 1_300_000 }))
      .thenThrows('AMOUNT_EXCEEDS_NOTICE', 'amount', '申请金额1300000元超过通知单剩余可申请金额1200000元'));
  it('refuses a non-positive amount', () =>
    spec.given([issued()]).when(applyWith(approvedGoal, { amount: -1 })).thenThrows('AMOUNT_INVALID'));
  it('requires a purpose', () => spec.given([issued()]).when(applyWith(approvedGoal, { purpose: '' })).thenThrows('PURPOSE_REQUIRED', 'purpose'));
  it('tracks the applied amount', () => {
    const state = stateAfter(supplementalFundingDecider, [issued(), applied(), applied({ applicationId: 'A-2', amount: 200_000 })]);
    expect(state.status === 'issued' && state.appliedAmount).toBe(1_000_000);
  });
});
