import { deciderSpec, stateAfter } from '@bpm/decider/testing';
import { DEFAULT_EVALUATION_PARAMETERS as parameters } from '../parameters';
import { Actor } from '../shared/actor';
import { ScoredKeyIndicator } from './framework';
import { Candidate, KeyEvaluationEvent, isAssignedEvaluator, keyEvaluationDecider, milestoneSchedule } from './key-evaluation';

const spec = deciderSpec(keyEvaluationDecider);
const at = '2027-04-01T01:00:00.000Z';
const admin: Actor = { userId: 'zhao6', role: 'finance-admin' };
const reviewer: Actor = { userId: 'wang5', role: 'finance-reviewer' };
const agencyStaff: Actor = { userId: 'qian8', role: 'evaluator', unitId: 'A01' };
const otherEvaluator: Actor = { userId: 'sun9', role: 'evaluator', unitId: 'A02' };
const project = { projectId: 'P1', unitId: 'U001', fiscalYear: 2026, name: '义务教育学校校舍改造', amountFen: 120_000_000 };
const agency = (over: Partial<Candidate> = {}): Candidate => ({ id: 'A01', kind: 'agency', name: '某某会计师事务所', status: 'admitted', linkedUnits: [], ...over });
const expert: Candidate = { id: 'E01', kind: 'expert', name: '李教授', status: 'admitted', linkedUnits: [] };

const selected: KeyEvaluationEvent = { type: 'KeyEvaluationSelected', data: { by: 'zhao6', at, project, reason: '金额大、社会关注度高' } };
const schedule = {
  dueAt: { 'work-plan': '2027-04-16T01:00:00.000Z', fieldwork: '2027-05-16T01:00:00.000Z', 'draft-report': '2027-06-15T01:00:00.000Z', 'finance-review': '2027-06-30T01:00:00.000Z', 'final-report': '2027-07-15T01:00:00.000Z' },
  reminderDaysBefore: 3,
};
const assigned: KeyEvaluationEvent = { type: 'KeyEvaluationAssigned', data: { by: 'zhao6', at, fiscalYear: 2026, agencyId: 'A01', expertIds: ['E01'], schedule } };
const plan: KeyEvaluationEvent = { type: 'KeyEvaluationMilestoneReached', data: { by: 'qian8', at, milestone: 'work-plan', summary: '方案' } };
const field: KeyEvaluationEvent = { type: 'KeyEvaluationMilestoneReached', data: { by: 'qian8', at, milestone: 'fieldwork', summary: '现场核查12所学校' } };

/** 20/20/30/30 with a few points lost: 18 + 17 + 27 + 23 = 85 → 良. */
const tree: ScoredKeyIndicator[] = [
  { level1: 'decision', level2: '立项', name: '立项依据充分性', maxPoints: 10, points: 10, basis: '符合规划' },
  { level1: 'decision', level2: '绩效目标', name: '绩效目标合理性', maxPoints: 10, points: 8, basis: '个别指标偏低' },
  { level1: 'process', level2: '资金管理', name: '资金使用合规性', maxPoints: 20, points: 17, basis: '两笔支付凭证不全' },
  { level1: 'output', level2: '数量', name: '改造面积完成率', maxPoints: 30, points: 27, basis: '完成95%' },
  { level1: 'benefit', level2: '满意度', name: '师生满意度', maxPoints: 30, points: 23, basis: '问卷满意率85%' },
];
const draft = { type: 'SubmitKeyEvaluationDraft' as const, data: { actor: agencyStaff, at, parameters, indicators: tree, findings: '资金支付凭证不全', recommendations: '完善支付审核' } };

describe('重点评价: selection and assignment', () => {
  it('the finance admin selects a project', () =>
    spec.given([]).when({ type: 'SelectForKeyEvaluation', data: { actor: admin, at, project, reason: '金额大、社会关注度高' } }).then([selected]));
  it('assigns an admitted, independent agency and experts', () =>
    spec.given([selected]).when({ type: 'AssignKeyEvaluation', data: { actor: admin, at, parameters, agency: agency(), experts: [expert] } }).then([assigned]));
  it.each([
    [{ linkedUnits: ['U001'] }, '第三方机构“某某会计师事务所”与被评价单位存在关联关系，应当回避'],
    [{ status: 'suspended' as const }, '第三方机构“某某会计师事务所”已被暂停，不能承担评价任务'],
    [{ status: 'unknown' as const }, '第三方机构“某某会计师事务所”不在库中'],
  ])('refuses an agency that is %o', (over, message) =>
    spec.given([selected]).when({ type: 'AssignKeyEvaluation', data: { actor: admin, at, parameters, agency: agency(over), experts: [expert] } }).thenThrows('ASSIGNMENT_REFUSED', { message }));
  it('refuses a linked expert too', () =>
    spec.given([selected]).when({ type: 'AssignKeyEvaluation', data: { actor: admin, at, parameters, agency: agency(), experts: [{ ...expert, linkedUnits: ['U001'] }] } }).thenThrows('ASSIGNMENT_REFUSED', { message: '专家“李教授”与被评价单位存在关联关系，应当回避' }));
});

describe('重点评价: the milestone schedule', () => {
  const system: Actor = { userId: 'orchestrator', role: 'system' };
  const notice = (kind: 'reminder' | 'overdue', actor: Actor = system) => ({ type: 'RecordKeyEvaluationMilestoneNotice' as const, data: { actor, at, kind, milestone: 'work-plan' as const, dueAt: schedule.dueAt['work-plan'] } });
  it('fixes each due date at assignment, 15/45/75/90/105 days on by default', () => expect(milestoneSchedule(at, parameters)).toEqual(schedule));
  it('records reminders and overdue marks from the schedule workflow only', () => {
    spec.given([selected, assigned]).when(notice('reminder')).then([{ type: 'KeyEvaluationMilestoneReminderSent', data: { by: 'orchestrator', at, milestone: 'work-plan', dueAt: schedule.dueAt['work-plan'] } }]);
    spec.given([selected, assigned]).when(notice('overdue')).then([{ type: 'KeyEvaluationMilestoneOverdue', data: { by: 'orchestrator', at, milestone: 'work-plan', dueAt: schedule.dueAt['work-plan'] } }]);
    spec.given([selected, assigned]).when(notice('overdue', admin)).thenThrows('ROLE_NOT_ALLOWED', { kind: 'forbidden' });
  });
  it('a late notice of a finished evaluation records nothing', () => {
    const completed: KeyEvaluationEvent = { type: 'KeyEvaluationCompleted', data: { by: 'qian8', at, project, agencyId: 'A01', result: { total: 85, byLevel1: { decision: 18, process: 17, output: 27, benefit: 23 }, grade: 'good', gradeRule: '', findings: 'x', recommendations: 'y' } } };
    const submitted = keyEvaluationDecider.decide(draft, stateAfter(keyEvaluationDecider, [selected, assigned, plan, field]));
    spec.given([selected, assigned, plan, field, ...submitted, { type: 'KeyEvaluationDraftAccepted', data: { by: 'wang5', at } }, completed]).when(notice('overdue')).thenNothing();
  });
});

describe('重点评价: milestones, scoring and review', () => {
  it('runs the milestones in order, by the assigned evaluator only', () => {
    spec.given([selected, assigned]).when({ type: 'ReachKeyEvaluationMilestone', data: { actor: agencyStaff, at, milestone: 'work-plan', summary: '方案' } }).then([plan]);
    spec.given([selected, assigned]).when({ type: 'ReachKeyEvaluationMilestone', data: { actor: agencyStaff, at, milestone: 'fieldwork', summary: 'x' } }).thenThrows('MILESTONE_OUT_OF_ORDER');
    spec.given([selected, assigned]).when({ type: 'ReachKeyEvaluationMilestone', data: { actor: otherEvaluator, at, milestone: 'work-plan', summary: 'x' } }).thenThrows('KEY_EVALUATION_NOT_FOUND', { kind: 'not-found' });
    spec.given([selected, assigned]).when(draft).thenThrows('MILESTONE_OUT_OF_ORDER');
  });
  it('scores the tree and grades it 良 at 85', () => {
    const [event] = keyEvaluationDecider.decide(draft, stateAfter(keyEvaluationDecider, [selected, assigned, plan, field]));
    expect(event).toMatchObject({ type: 'KeyEvaluationDraftSubmitted', data: { result: { total: 85, grade: 'good', byLevel1: { decision: 18, process: 17, output: 27, benefit: 23 } } } });
  });
  it('refuses a tree whose points do not carry the region’s weights, or a score above its indicator', () => {
    const wrong = tree.map((i) => (i.name === '资金使用合规性' ? { ...i, maxPoints: 15, points: 15 } : i));
    spec.given([selected, assigned, plan, field]).when({ ...draft, data: { ...draft.data, indicators: wrong } }).thenThrows('LEVEL1_WEIGHT_MISMATCH', { message: '一级指标“过程”下各指标分值之和应为20分，当前为15分' });
    const over = tree.map((i) => (i.name === '师生满意度' ? { ...i, points: 31 } : i));
    spec.given([selected, assigned, plan, field]).when({ ...draft, data: { ...draft.data, indicators: over } }).thenThrows('POINTS_OUT_OF_RANGE');
  });
  it('finance returns the draft with comments, accepts the revision, and the final report completes it', () => {
    const state0 = stateAfter(keyEvaluationDecider, [selected, assigned, plan, field]);
    const submittedEvents = keyEvaluationDecider.decide(draft, state0);
    const returned: KeyEvaluationEvent = { type: 'KeyEvaluationDraftReturned', data: { by: 'wang5', at, comments: '满意度样本说明不足' } };
    spec.given([selected, assigned, plan, field, ...submittedEvents]).when({ type: 'ReviewKeyEvaluationDraft', data: { actor: reviewer, at, decision: 'return', comments: '满意度样本说明不足' } }).then([returned]);
    const resubmitted = keyEvaluationDecider.decide(draft, stateAfter(keyEvaluationDecider, [selected, assigned, plan, field, ...submittedEvents, returned]));
    const history = [selected, assigned, plan, field, ...submittedEvents, returned, ...resubmitted];
    spec.given(history).when({ type: 'IssueKeyEvaluationReport', data: { actor: agencyStaff, at } }).thenThrows('NOT_ACCEPTED');
    const accepted: KeyEvaluationEvent = { type: 'KeyEvaluationDraftAccepted', data: { by: 'wang5', at } };
    spec.given(history).when({ type: 'ReviewKeyEvaluationDraft', data: { actor: reviewer, at, decision: 'accept' } }).then([accepted]);
    const [completed] = keyEvaluationDecider.decide({ type: 'IssueKeyEvaluationReport', data: { actor: agencyStaff, at } }, stateAfter(keyEvaluationDecider, [...history, accepted]));
    expect(completed).toMatchObject({ type: 'KeyEvaluationCompleted', data: { project, agencyId: 'A01', result: { grade: 'good', total: 85 } } });
  });
  it('an evaluator sees only what is assigned to it', () => {
    const state = stateAfter(keyEvaluationDecider, [selected, assigned]);
    expect(isAssignedEvaluator(agencyStaff, state)).toBe(true);
    expect(isAssignedEvaluator({ userId: 'e', role: 'evaluator', unitId: 'E01' }, state)).toBe(true);
    expect(isAssignedEvaluator(otherEvaluator, state)).toBe(false);
    expect(isAssignedEvaluator(agencyStaff, stateAfter(keyEvaluationDecider, [selected]))).toBe(false);
  });
});
