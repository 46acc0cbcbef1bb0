import { deciderSpec } from '@bpm/decider/testing';
import { DEFAULT_RESULT_APPLICATION_PARAMETERS as P } from '../parameters';
import { Actor } from '../shared/actor';
import { ProjectOutcome, proposeBudget, totalsByGrade } from './proposals';
import { ProposalEvent, proposalDecider } from './review';

const outcome = (o: Partial<ProjectOutcome> = {}): ProjectOutcome => ({
  projectId: 'P1',
  projectName: '农村道路养护',
  unitId: 'U01',
  fiscalYear: 2026,
  grade: 'good',
  continuing: true,
  requestedFen: 1_000_000_00,
  budgetFen: 1_000_000_00,
  executedFen: 950_000_00,
  carryOverFen: 0,
  balanceFen: 0,
  unfixedRectifications: 0,
  ...o,
});

describe('next year budget proposals (预算安排)', () => {
  it('优 is prioritised at the requested amount, 良 kept', () => {
    expect(proposeBudget(outcome({ grade: 'excellent' }), P)).toMatchObject({ fiscalYear: 2027, action: 'priority', cutFen: 0, proposedFen: 1_000_000_00 });
    expect(proposeBudget(outcome(), P)).toMatchObject({ action: 'keep', proposedFen: 1_000_000_00, explanation: ['评价等级为良，连续项目下年度延续金额1,000,000.00元保持不变', '建议下年度安排1,000,000.00元'] });
  });

  it('中 is cut by the region’s percentage, exactly to the fen (half up)', () => {
    expect(proposeBudget(outcome({ grade: 'fair' }), P)).toMatchObject({ action: 'cut', cutFen: 100_000_00, proposedFen: 900_000_00 });
    // 12.5% of 333 fen = 41.625 → 42 fen.
    const odd = proposeBudget(outcome({ grade: 'fair', requestedFen: 333 }), { ...P, fairCutPercent: 12.5 });
    expect(odd).toMatchObject({ cutFen: 42, proposedFen: 291 });
    expect(odd.explanation[0]).toBe('评价等级为中，连续项目下年度延续金额3.33元按12.5%压减0.42元');
  });

  it('差 is cancelled or suspended as the region says', () => {
    expect(proposeBudget(outcome({ grade: 'poor' }), P)).toMatchObject({ action: 'cancel', proposedFen: 0, cutFen: 1_000_000_00 });
    expect(proposeBudget(outcome({ grade: 'poor', unfixedRectifications: 2 }), { ...P, poorAction: 'suspend' })).toMatchObject({ action: 'suspend', proposedFen: 0 });
  });

  it('an unfixed rectification adds its cut, on top of 中 and on a 良', () => {
    expect(proposeBudget(outcome({ grade: 'fair', unfixedRectifications: 1 }), P)).toMatchObject({ cutFen: 150_000_00, proposedFen: 850_000_00 });
    const good = proposeBudget(outcome({ unfixedRectifications: 1 }), P);
    expect(good).toMatchObject({ action: 'cut', cutFen: 50_000_00 });
    expect(good.explanation[1]).toBe('有1项整改未到位，再按5%压减50,000.00元');
  });

  it('flags carry-overs for clearing and idle funds for recovery, from the execution data', () => {
    const p = proposeBudget(outcome({ executedFen: 400_000_00, carryOverFen: 500_000_00, balanceFen: 100_000_00 }), P);
    expect(p.flags).toEqual([
      { code: 'CLEAR_CARRY_OVER', amountFen: 600_000_00, message: '年末结转500,000.00元、结余100,000.00元，应清理结转结余' },
      { code: 'RECOVER_IDLE_FUNDS', amountFen: 600_000_00, message: '预算1,000,000.00元仅支出400,000.00元，执行率低于50%，闲置资金600,000.00元建议收回' },
    ]);
    // Exactly at the threshold is not idle.
    expect(proposeBudget(outcome({ executedFen: 500_000_00 }), P).flags).toEqual([]);
  });

  it('totals per grade', () => {
    const ps = [proposeBudget(outcome({ grade: 'fair' }), P), proposeBudget(outcome({ grade: 'fair', projectId: 'P2' }), P), proposeBudget(outcome({ grade: 'excellent' }), P)];
    expect(totalsByGrade(ps)).toEqual([
      { grade: 'excellent', count: 1, requestedFen: 1_000_000_00, proposedFen: 1_000_000_00 },
      { grade: 'good', count: 0, requestedFen: 0, proposedFen: 0 },
      { grade: 'fair', count: 2, requestedFen: 2_000_000_00, proposedFen: 1_800_000_00 },
      { grade: 'poor', count: 0, requestedFen: 0, proposedFen: 0 },
    ]);
  });
});

describe('finance admin decides each proposal', () => {
  const spec = deciderSpec(proposalDecider);
  const admin: Actor = { userId: 'a1', role: 'finance-admin' };
  const reviewer: Actor = { userId: 'r1', role: 'finance-reviewer' };
  const at = '2027-04-01T00:00:00.000Z';
  const proposal = proposeBudget(outcome({ grade: 'fair' }), P);
  const recorded: ProposalEvent = { type: 'ProposalRecorded', data: { proposal, at } };

  it('accepts at the proposed amount', () => {
    spec.given([recorded]).when({ type: 'AcceptProposal', data: { actor: admin, at } }).then([{ type: 'ProposalAccepted', data: { by: 'a1', at, amountFen: 900_000_00 } }]);
  });
  it('changes with a reason, never above the request', () => {
    const change = (amountFen: number, reason = '保障民生重点') => ({ type: 'ChangeProposal' as const, data: { actor: admin, at, amountFen, reason } });
    spec.given([recorded]).when(change(950_000_00)).then([{ type: 'ProposalChanged', data: { by: 'a1', at, amountFen: 950_000_00, fromFen: 900_000_00, reason: '保障民生重点' } }]);
    spec.given([recorded]).when(change(950_000_00, '')).thenThrows('REASON_REQUIRED');
    spec.given([recorded]).when(change(1.5)).thenThrows('AMOUNT_INVALID');
    spec.given([recorded]).when(change(1_000_000_01)).thenThrows('AMOUNT_ABOVE_REQUEST');
  });
  it('rejects with a reason; decides once; only the finance admin', () => {
    spec.given([recorded]).when({ type: 'RejectProposal', data: { actor: admin, at, reason: '' } }).thenThrows('REASON_REQUIRED');
    spec.given([recorded]).when({ type: 'AcceptProposal', data: { actor: reviewer, at } }).thenThrows('ROLE_NOT_ALLOWED', { kind: 'forbidden' });
    spec.given([recorded, { type: 'ProposalRejected', data: { by: 'a1', at, reason: 'x' } }]).when({ type: 'AcceptProposal', data: { actor: admin, at } }).thenThrows('PROPOSAL_ALREADY_DECIDED');
    spec.given([]).when({ type: 'AcceptProposal', data: { actor: admin, at } }).thenThrows('PROPOSAL_NOT_FOUND');
  });
  it('a proposal may be regenerated until decided', () => {
    spec.given([recorded]).when({ type: 'RecordProposal', data: { actor: { userId: 's', role: 'system' }, at, proposal } }).then([{ type: 'ProposalRecorded', data: { proposal, at } }]);
    spec.given([recorded, { type: 'ProposalAccepted', data: { by: 'a1', at, amountFen: 1 } }]).when({ type: 'RecordProposal', data: { actor: admin, at, proposal } }).thenThrows('PROPOSAL_ALREADY_DECIDED');
  });
});
