import { deciderSpec, stateAfter } from '@bpm/decider/testing';
import { DEFAULT_RESULT_APPLICATION_PARAMETERS as P } from '../parameters';
import { NO_HOLIDAYS } from '../shared/calendar';
import { Actor } from '../shared/actor';
import { RectificationEvent, RectificationIssued } from './events';
import { rectificationDecider } from './decide';

const spec = deciderSpec(rectificationDecider);
const reviewer: Actor = { userId: 'r1', role: 'finance-reviewer' };
const unit: Actor = { userId: 'u1', role: 'unit', unitId: 'U01' };
const otherUnit: Actor = { userId: 'u2', role: 'unit', unitId: 'U02' };
const system: Actor = { userId: 'rectification-workflow', role: 'system' };
const counting = { parameters: P, calendar: NO_HOLIDAYS };
const source = { kind: 'key-evaluation', evaluationId: 'KE1', projectId: 'P1', unitId: 'U01', fiscalYear: 2026, grade: 'fair', finalAt: '2027-03-01T02:00:00.000Z' } as const;
const requirements = [
  { requirementId: 'R1', text: '完善项目资金管理制度' },
  { requirementId: 'R2', text: '补充绩效指标的数据来源' },
];
const issued: RectificationIssued = {
  type: 'RectificationIssued',
  data: {
    by: 'r1',
    at: '2027-03-10T02:00:00.000Z',
    caseId: 'C1',
    source,
    requirements,
    noticeDueAt: '2027-03-21T15:59:59.999Z',
    noticeLate: false,
    answerDueAt: '2027-04-09T15:59:59.999Z',
  },
};
const answered = (requirementId: string, at = '2027-03-20T02:00:00.000Z', late = false): RectificationEvent => ({
  type: 'MeasuresAnswered',
  data: { by: 'u1', at, requirementId, measures: ['修订管理办法'], late },
});
const accepted = (requirementId: string): RectificationEvent => ({ type: 'MeasureAccepted', data: { by: 'r1', at: '2027-03-25T02:00:00.000Z', requirementId } });

describe('rectification (整改)', () => {
  it('finance issues the result with its requirements; deadlines are counted from the result and the notice', () => {
    spec.given([]).when({ type: 'IssueRectification', data: { actor: reviewer, at: issued.data.at, caseId: 'C1', source, requirements, ...counting } }).then([issued]);
  });

  it('a notice after the 20 days is marked late', () => {
    const at = '2027-03-25T02:00:00.000Z';
    const [event] = rectificationDecider.decide({ type: 'IssueRectification', data: { actor: reviewer, at, caseId: 'C1', source, requirements, ...counting } }, stateAfter(rectificationDecider, []));
    expect(event).toMatchObject({ data: { noticeLate: true } });
  });

  it('refuses a notice without requirements, with a blank one, by a unit, or twice', () => {
    const issue = (data: object) => ({ type: 'IssueRectification' as const, data: { actor: reviewer, at: issued.data.at, caseId: 'C1', source, requirements, ...counting, ...data } });
    spec.given([]).when(issue({ requirements: [] })).thenThrows('REQUIREMENTS_REQUIRED', { kind: 'invalid' });
    spec.given([]).when(issue({ requirements: [{ requirementId: 'R1', text: ' ' }] })).thenThrows('REQUIREMENT_TEXT_REQUIRED', { field: 'requirements[0].text' });
    spec.given([]).when(issue({ requirements: [requirements[0], requirements[0]] })).thenThrows('REQUIREMENT_ID_DUPLICATE');
    spec.given([]).when(issue({ actor: unit })).thenThrows('ROLE_NOT_ALLOWED', { kind: 'forbidden' });
    spec.given([issued]).when(issue({})).thenThrows('RECTIFICATION_ALREADY_ISSUED', { kind: 'conflict' });
    spec.given([]).when(issue({ at: '2027-02-01T00:00:00.000Z' })).thenThrows('RESULT_NOT_FINAL', { kind: 'precondition' });
  });

  it('the unit answers a requirement with measures; late when after its deadline', () => {
    const answer = (at: string, actor = unit) => ({ type: 'AnswerRequirement' as const, data: { actor, at, requirementId: 'R1', measures: ['修订管理办法'] } });
    spec.given([issued]).when(answer('2027-03-20T02:00:00.000Z')).then([answered('R1')]);
    spec.given([issued]).when(answer('2027-04-10T02:00:00.000Z')).then([answered('R1', '2027-04-10T02:00:00.000Z', true)]);
  });

  it('another unit is told the case does not exist; blank measures and double answers are refused', () => {
    const answer = (data: object) => ({ type: 'AnswerRequirement' as const, data: { actor: unit, at: '2027-03-20T02:00:00.000Z', requirementId: 'R1', measures: ['x'], ...data } });
    spec.given([issued]).when(answer({ actor: otherUnit })).thenThrows('RECTIFICATION_NOT_FOUND', { kind: 'not-found' });
    spec.given([issued]).when(answer({ measures: [] })).thenThrows('MEASURES_REQUIRED');
    spec.given([issued]).when(answer({ measures: [''] })).thenThrows('MEASURES_REQUIRED');
    spec.given([issued, answered('R1')]).when(answer({})).thenThrows('REQUIREMENT_NOT_AWAITING_ANSWER');
    spec.given([issued]).when(answer({ requirementId: 'R9' })).thenThrows('REQUIREMENT_NOT_FOUND');
  });

  it('finance sends a measure back with comments and a fresh answer period; the unit answers again', () => {
    const verify = (data: object) => ({ type: 'VerifyMeasure' as const, data: { actor: reviewer, at: '2027-03-22T02:00:00.000Z', requirementId: 'R1', decision: 'send-back' as const, ...counting, ...data } });
    spec.given([issued, answered('R1')]).when(verify({ comments: '措施不具体' })).then([
      { type: 'MeasureSentBack', data: { by: 'r1', at: '2027-03-22T02:00:00.000Z', requirementId: 'R1', comments: '措施不具体', answerDueAt: '2027-04-21T15:59:59.999Z' } },
    ]);
    spec.given([issued, answered('R1')]).when(verify({})).thenThrows('COMMENTS_REQUIRED');
    spec.given([issued]).when(verify({ comments: 'x' })).thenThrows('REQUIREMENT_NOT_AWAITING_VERIFICATION');
    spec.given([issued, answered('R1')]).when(verify({ actor: unit, comments: 'x' })).thenThrows('ROLE_NOT_ALLOWED');
    const back = rectificationDecider.decide(verify({ comments: '措施不具体' }), stateAfter(rectificationDecider, [issued, answered('R1')]));
    const state = stateAfter(rectificationDecider, [issued, answered('R1'), ...back]);
    expect(state.status === 'open' && state.requirements[0]).toMatchObject({ status: 'awaiting-answer', lastComments: '措施不具体', dueAt: '2027-04-21T15:59:59.999Z' });
  });

  it('the case closes only when every requirement is verified, with the overdue count', () => {
    const accept = (requirementId: string) => ({ type: 'VerifyMeasure' as const, data: { actor: reviewer, at: '2027-03-25T02:00:00.000Z', requirementId, decision: 'accept' as const, ...counting } });
    spec.given([issued, answered('R1')]).when(accept('R1')).then([accepted('R1')]);
    const overdue: RectificationEvent = { type: 'RequirementOverdue', data: { requirementId: 'R2', unitId: 'U01', dueAt: issued.data.answerDueAt, at: '2027-04-10T00:00:00.000Z' } };
    spec
      .given([issued, answered('R1'), accepted('R1'), overdue, answered('R2', '2027-04-11T00:00:00.000Z', true)])
      .when(accept('R2'))
      .then([accepted('R2'), { type: 'RectificationClosed', data: { at: '2027-03-25T02:00:00.000Z', overdueCount: 1 } }]);
    const closed = stateAfter(rectificationDecider, [issued, answered('R1'), accepted('R1'), answered('R2'), accepted('R2'), { type: 'RectificationClosed', data: { at: 'x', overdueCount: 0 } }]);
    expect(closed.status).toBe('closed');
    spec.given([issued, answered('R1'), accepted('R1'), answered('R2'), accepted('R2'), { type: 'RectificationClosed', data: { at: 'x', overdueCount: 0 } }]).when(accept('R2')).thenThrows('RECTIFICATION_CLOSED');
  });

  it('overdue is recorded by the workflow only, once, and only after the deadline', () => {
    const mark = (data: object) => ({ type: 'MarkRequirementOverdue' as const, data: { actor: system, at: '2027-04-10T00:00:00.000Z', requirementId: 'R2', ...data } });
    spec.given([issued]).when(mark({})).then([{ type: 'RequirementOverdue', data: { requirementId: 'R2', unitId: 'U01', dueAt: issued.data.answerDueAt, at: '2027-04-10T00:00:00.000Z' } }]);
    spec.given([issued]).when(mark({ at: '2027-04-01T00:00:00.000Z' })).thenThrows('NOT_YET_DUE');
    spec.given([issued]).when(mark({ actor: reviewer })).thenThrows('ROLE_NOT_ALLOWED');
    spec.given([issued, answered('R2')]).when(mark({})).thenNothing();
    spec.given([issued, { type: 'RequirementOverdue', data: { requirementId: 'R2', unitId: 'U01', dueAt: 'x', at: 'y' } }]).when(mark({})).thenNothing();
  });

  it('evolve keeps the state on an event it does not know', () => {
    const state = stateAfter(rectificationDecider, [issued]);
    expect(rectificationDecider.evolve(state, { type: 'SomethingNew', data: {} } as unknown as RectificationEvent)).toBe(state);
  });
});

describe('reminders and escalation on record', () => {
  const spec = deciderSpec(rectificationDecider);
  const system: Actor = { userId: 'orchestrator', role: 'system' };
  const at = '2027-04-10T00:00:00.000Z';
  it('the workflow records an escalation; the requirement shows it', () => {
    const notice = { type: 'RecordRectificationNotice' as const, data: { actor: system, at, kind: 'escalated' as const, requirementId: 'R2', dueAt: issued.data.answerDueAt } };
    const sent: RectificationEvent = { type: 'RectificationNoticeSent', data: { kind: 'escalated', requirementId: 'R2', dueAt: issued.data.answerDueAt, at } };
    spec.given([issued]).when(notice).then([sent]);
    const state = stateAfter(rectificationDecider, [issued, sent]);
    expect(state.status === 'open' && state.requirements[1].escalated).toBe(true);
    spec.given([issued]).when({ ...notice, data: { ...notice.data, actor: { userId: 'r1', role: 'finance-reviewer' } } }).thenThrows('ROLE_NOT_ALLOWED');
    spec.given([issued]).when({ ...notice, data: { ...notice.data, requirementId: 'R9' } }).thenThrows('REQUIREMENT_NOT_FOUND');
  });
});
