import { deciderSpec, stateAfter } from '@bpm/decider/testing';
import { DEFAULT_EVALUATION_PARAMETERS as parameters } from '../parameters';
import { Actor } from '../shared/actor';
import { selfEvaluationDecider } from './decide';
import { SelfEvaluationEvent, SelfEvaluationOpened, SelfEvaluationSubmitted } from './events';

const spec = deciderSpec(selfEvaluationDecider);
const at = '2027-01-10T02:00:00.000Z';
const system: Actor = { userId: 'cycle', role: 'system' };
const clerk: Actor = { userId: 'zhang3', role: 'unit', unitId: 'U001' };
const otherClerk: Actor = { userId: 'li4', role: 'unit', unitId: 'U002' };
const reviewer: Actor = { userId: 'wang5', role: 'finance-reviewer' };
const ev = (stream: string, version: number) => ({ stream, version, hash: `h-${stream}-${version}` });

const opened: SelfEvaluationOpened = {
  type: 'SelfEvaluationOpened',
  data: {
    projectId: 'P1',
    unitId: 'U001',
    fiscalYear: 2026,
    kind: 'project',
    budgetFen: 120_000_000,
    executedFen: 114_000_000,
    executionEvidence: [ev('executionLedger-P1', 12)],
    indicators: [
      { name: '校舍维修改造面积', level1: 'output', direction: '>=', weight: 60, target: 12000, monitoredActual: 11000, evidence: [ev('monitoringReport-P1-2026-12', 4)] },
      { name: '工程验收合格率', level1: 'output', direction: '>=', weight: 40, target: 100, monitoredActual: 100, evidence: [ev('monitoringReport-P1-2026-12', 4)] },
      { name: '改善办学条件', level1: 'benefit', direction: 'qualitative', evidence: [] },
      { name: '师生满意度', level1: 'satisfaction', direction: '>=', target: 90, monitoredActual: 92, evidence: [ev('monitoringReport-P1-2026-12', 4)] },
    ],
    at,
  },
};

const fill = (reasons = [
  { indicatorName: '校舍维修改造面积', nature: 'objective' as const, text: '雨季延误施工' },
  { indicatorName: '校舍维修改造面积', nature: 'subjective' as const, text: '施工组织不到位' },
  { indicatorName: '改善办学条件', nature: 'subjective' as const, text: '配套设备未到位' },
]) => ({
  type: 'FillSelfEvaluation' as const,
  data: {
    actor: clerk,
    at,
    parameters,
    actuals: [
      { name: '校舍维修改造面积', kind: 'corrected' as const, actual: 11500, reason: '12月下旬补录验收面积500平方米' },
      { name: '工程验收合格率', kind: 'confirmed' as const },
      { name: '改善办学条件', kind: 'qualitative' as const, rating: 'partly-achieved' as const, percentOfWeight: 75 },
      { name: '师生满意度', kind: 'confirmed' as const },
    ],
    reasons,
  },
});
const filled = (): SelfEvaluationEvent => {
  const { actor, parameters: _p, ...rest } = fill().data;
  return { type: 'SelfEvaluationFilled', data: { by: actor.userId, ...rest } };
};
const submit = { type: 'SubmitSelfEvaluation' as const, data: { actor: clerk, at, parameters } };
const submitted = (): SelfEvaluationSubmitted =>
  selfEvaluationDecider.decide(submit, stateAfter(selfEvaluationDecider, [opened, filled()]))[0] as SelfEvaluationSubmitted;

describe('单位自评: opening', () => {
  it('opens prefilled from the goal, the execution data and the last monitoring report', () =>
    spec.given([]).when({ type: 'OpenSelfEvaluation', data: { ...opened.data, actor: system } }).then([opened]));
  it('opens once', () =>
    spec.given([opened]).when({ type: 'OpenSelfEvaluation', data: { ...opened.data, actor: system } }).thenThrows('SELF_EVALUATION_ALREADY_OPEN', { kind: 'conflict' }));
  it('is not opened by a unit', () =>
    spec.given([]).when({ type: 'OpenSelfEvaluation', data: { ...opened.data, actor: clerk } }).thenThrows('ROLE_NOT_ALLOWED', { kind: 'forbidden' }));
});

describe('单位自评: filling in', () => {
  it('keeps a correction beside the figure it replaces', () => {
    spec.given([opened]).when(fill()).then([filled()]);
    const state = stateAfter(selfEvaluationDecider, [opened, filled()]);
    expect(state.status === 'open' && state.filled?.actuals[0]).toEqual({ name: '校舍维修改造面积', kind: 'corrected', actual: 11500, reason: '12月下旬补录验收面积500平方米' });
    expect(state.status === 'open' && state.opened.indicators[0].monitoredActual).toBe(11000);
  });
  it('refuses a correction without a reason', () => {
    const c = fill();
    const actuals = [{ ...c.data.actuals[0], reason: ' ' }, ...c.data.actuals.slice(1)];
    spec.given([opened]).when({ ...c, data: { ...c.data, actuals } }).thenThrows('CORRECTION_REASON_REQUIRED', { field: 'actuals[0].reason' });
  });
  it('refuses an indicator that is not in the approved goal', () => {
    const c = fill();
    spec.given([opened]).when({ ...c, data: { ...c.data, actuals: [{ name: '自造指标', kind: 'confirmed' }] } }).thenThrows('INDICATOR_UNKNOWN');
  });
  it('refuses a qualitative answer to a quantitative indicator', () => {
    const c = fill();
    spec.given([opened]).when({ ...c, data: { ...c.data, actuals: [{ name: '师生满意度', kind: 'qualitative', rating: 'achieved', percentOfWeight: 90 }] } }).thenThrows('ACTUAL_KIND_MISMATCH');
  });
  it('answers another unit as if the record did not exist', () =>
    spec.given([opened]).when({ ...fill(), data: { ...fill().data, actor: otherClerk } }).thenThrows('SELF_EVALUATION_NOT_FOUND', { kind: 'not-found' }));
});

describe('单位自评: submitting computes the score and the flags', () => {
  it('computes, never takes, the score; explains it with the events behind each input', () => {
    const event = submitted();
    // execution 114/120 × 10 = 9.5; outputs 30 × 11500/12000 + 20 = 48.75; benefit 30 × 75 % = 22.5; satisfaction 10
    expect(event.data.total).toBe(90.75);
    expect(event.data.grade).toBe('excellent');
    expect(event.data.derivation.indicators[0]).toMatchObject({ name: '校舍维修改造面积', target: 12000, actual: 11500, maxPoints: 30, points: 28.75, evidence: [ev('monitoringReport-P1-2026-12', 4)] });
    expect(event.data.derivation.execution.evidence).toEqual([ev('executionLedger-P1', 12)]);
  });
  it('flags nothing when a correction stays within the tolerance and reasons include a subjective one', () => {
    expect(submitted().data.flags).toEqual([]);
  });
  it('flags an actual that differs from the monitoring data beyond the tolerance, with both figures', () => {
    const c = fill();
    const actuals = [{ ...c.data.actuals[0], actual: 13500 }, ...c.data.actuals.slice(1)] as typeof c.data.actuals;
    const events = selfEvaluationDecider.decide({ type: 'SubmitSelfEvaluation', data: { actor: clerk, at, parameters } },
      stateAfter(selfEvaluationDecider, [opened, { type: 'SelfEvaluationFilled', data: { by: 'zhang3', at, actuals, reasons: c.data.reasons } }]));
    expect((events[0] as SelfEvaluationSubmitted).data.flags).toEqual([
      expect.objectContaining({ code: 'ACTUAL_DIFFERS_FROM_MONITORING', indicatorName: '校舍维修改造面积', monitored: 11000, declared: 13500 }),
    ]);
  });
  it('flags a self-evaluation whose shortfalls cite only objective reasons', () => {
    const onlyObjective = [
      { indicatorName: '校舍维修改造面积', nature: 'objective' as const, text: '雨季延误施工' },
      { indicatorName: '改善办学条件', nature: 'objective' as const, text: '上级资金晚到' },
    ];
    const state = stateAfter(selfEvaluationDecider, [opened, { type: 'SelfEvaluationFilled', data: { by: 'zhang3', at, actuals: fill().data.actuals, reasons: onlyObjective } }]);
    const [event] = selfEvaluationDecider.decide({ type: 'SubmitSelfEvaluation', data: { actor: clerk, at, parameters } }, state) as SelfEvaluationSubmitted[];
    expect(event.data.flags).toEqual([expect.objectContaining({ code: 'ONLY_OBJECTIVE_REASONS', shortfalls: 2 })]);
  });
  it('refuses a shortfall without a reason', () =>
    spec.given([opened, { type: 'SelfEvaluationFilled', data: { by: 'zhang3', at, actuals: fill().data.actuals, reasons: [] } }])
      .when({ type: 'SubmitSelfEvaluation', data: { actor: clerk, at, parameters } })
      .thenThrows('SHORTFALL_REASON_REQUIRED', { message: '指标“校舍维修改造面积”未达到目标，须说明原因并标明客观或主观' }));
  it('refuses an indicator left unanswered', () =>
    spec.given([opened]).when({ type: 'SubmitSelfEvaluation', data: { actor: clerk, at, parameters } }).thenThrows('ACTUAL_MISSING'));
});

describe('单位自评: the reviewer accepts or returns it', () => {
  it('returns with comments, and the unit may revise and resubmit in the next round', () => {
    const returned: SelfEvaluationEvent = { type: 'SelfEvaluationReturned', data: { by: 'wang5', at, round: 1, comments: '满意度调查样本不足' } };
    spec.given([opened, filled(), submitted()]).when({ type: 'ReviewSelfEvaluation', data: { actor: reviewer, at, parameters, decision: 'return', comments: '满意度调查样本不足' } }).then([returned]);
    const state = stateAfter(selfEvaluationDecider, [opened, filled(), submitted(), returned]);
    expect(state).toMatchObject({ status: 'open', round: 2, lastComments: '满意度调查样本不足' });
  });
  it('refuses a return without comments', () =>
    spec.given([opened, filled(), submitted()]).when({ type: 'ReviewSelfEvaluation', data: { actor: reviewer, at, parameters, decision: 'return' } }).thenThrows('COMMENTS_REQUIRED'));
  it('accepts with the reviewer’s own score of a qualitative indicator, within its band', () => {
    const [event] = selfEvaluationDecider.decide(
      { type: 'ReviewSelfEvaluation', data: { actor: reviewer, at, parameters, decision: 'accept', qualitativeScores: [{ name: '改善办学条件', percentOfWeight: 65 }] } },
      stateAfter(selfEvaluationDecider, [opened, filled(), submitted()]),
    );
    expect(event).toMatchObject({ type: 'SelfEvaluationAccepted', data: { projectId: expect.any(String), unitId: expect.any(String), fiscalYear: expect.any(Number), total: 87.75, grade: 'good' } });
  });
  it('refuses a reviewer score outside the rating’s band', () =>
    spec.given([opened, filled(), submitted()])
      .when({ type: 'ReviewSelfEvaluation', data: { actor: reviewer, at, parameters, decision: 'accept', qualitativeScores: [{ name: '改善办学条件', percentOfWeight: 85 }] } })
      .thenThrows('QUALITATIVE_SCORE_OUT_OF_BAND'));
  it('refuses a manual score of a quantitative indicator', () =>
    spec.given([opened, filled(), submitted()])
      .when({ type: 'ReviewSelfEvaluation', data: { actor: reviewer, at, parameters, decision: 'accept', qualitativeScores: [{ name: '师生满意度', percentOfWeight: 85 }] } })
      .thenThrows('NOT_QUALITATIVE'));
  it('is reviewed only by a finance reviewer, and only once submitted', () => {
    spec.given([opened, filled(), submitted()]).when({ type: 'ReviewSelfEvaluation', data: { actor: clerk, at, parameters, decision: 'accept' } }).thenThrows('ROLE_NOT_ALLOWED');
    spec.given([opened, filled()]).when({ type: 'ReviewSelfEvaluation', data: { actor: reviewer, at, parameters, decision: 'accept' } }).thenThrows('SELF_EVALUATION_NOT_SUBMITTED');
  });
  it('keeps its state on an event it does not know', () => {
    const state = stateAfter(selfEvaluationDecider, [opened]);
    expect(selfEvaluationDecider.evolve(state, { type: 'SomethingNew', data: {} } as unknown as SelfEvaluationEvent)).toBe(state);
  });
});
