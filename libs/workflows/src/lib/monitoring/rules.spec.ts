import { refuseAnswer } from './rules';
import type { CorrectiveAnswer, CorrectiveFollowUp } from './types';

const followUp: CorrectiveFollowUp = {
  caseId: 'CC-1',
  projectId: 'P-1',
  unitId: 'edu-bureau',
  fiscalYear: 2026,
  status: 'awaiting-answer',
  dueAt: '2026-10-16T15:59:59.999Z',
  reminderSent: false,
};
const answer: CorrectiveAnswer = { choice: 'reallocate', reasons: '调剂至校舍维修', actor: { id: 'u-1', role: 'unit', unit: 'edu-bureau' }, correlationId: 'c' };

describe('refuseAnswer (what the follow-up itself owns)', () => {
  it('accepts the owning unit while the case awaits its answer, also once escalated', () => {
    expect(refuseAnswer(followUp, false, answer)).toBeUndefined();
    expect(refuseAnswer({ ...followUp, status: 'escalated' }, false, answer)).toBeUndefined();
  });

  it.each([
    ['a finance user', followUp, false, { ...answer, actor: { id: 'f', role: 'finance-reviewer' as const } }, 'CORRECTIVE_ROLE_FORBIDDEN'],
    ['a unit user without id', followUp, false, { ...answer, actor: { id: ' ', role: 'unit' as const, unit: 'edu-bureau' } }, 'CORRECTIVE_ROLE_FORBIDDEN'],
    ['another unit', followUp, false, { ...answer, actor: { id: 'u-2', role: 'unit' as const, unit: 'health-bureau' } }, 'CORRECTIVE_NOT_OWNING_UNIT'],
    ['an answered case', { ...followUp, status: 'answered' as const }, false, answer, 'CORRECTIVE_CASE_CLOSED'],
    ['a case finance decided', { ...followUp, status: 'finance-decided' as const }, false, answer, 'CORRECTIVE_CASE_CLOSED'],
    ['a second answer while one is recorded', followUp, true, answer, 'CORRECTIVE_ANSWER_IN_PROGRESS'],
  ])('refuses %s', (_, f, answering, a, code) => {
    expect(refuseAnswer(f, answering, a)?.code).toBe(code);
  });

  it('leaves choice and reasons to the monitoring domain', () => {
    expect(refuseAnswer(followUp, false, { ...answer, choice: 'ignore' as never, reasons: '' })).toBeUndefined();
  });

  it('says who may answer in Chinese', () => {
    expect(refuseAnswer(followUp, false, { ...answer, actor: { id: 'u-2', role: 'unit', unit: 'health-bureau' } })?.message).toBe(
      '只能答复本单位的纠偏事项：该事项属于单位“edu-bureau”',
    );
  });
});
