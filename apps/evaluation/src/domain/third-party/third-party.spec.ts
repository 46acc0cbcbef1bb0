import { deciderSpec, stateAfter } from '@bpm/decider/testing';
import { DEFAULT_EVALUATION_PARAMETERS as parameters } from '../parameters';
import { Actor } from '../shared/actor';
import { ThirdPartyEvent, thirdPartyDecider } from './third-party';

const spec = deciderSpec(thirdPartyDecider);
const admin: Actor = { userId: 'zhao6', role: 'finance-admin' };
const at = '2026-03-01T01:00:00.000Z';
const base = { actor: admin, at, parameters, id: 'A01', kind: 'agency' as const, name: '某某会计师事务所', qualifications: ['会计师事务所执业证书'], fields: ['教育', '交通'] };
const admitted: ThirdPartyEvent = { type: 'ThirdPartyAdmitted', data: { by: 'zhao6', at, id: 'A01', kind: 'agency', name: '某某会计师事务所', qualifications: ['会计师事务所执业证书'], fields: ['教育', '交通'], violations: [] } };

describe('第三方机构库: admission', () => {
  it('admits an agency without violations', () => spec.given([]).when({ type: 'AdmitThirdParty', data: { ...base, violations: [] } }).then([admitted]));
  it.each([
    ['2023-03-01', true], // exactly three years before: within
    ['2024-06-30', true],
  ])('refuses a major violation on %s (within 3 years)', (date) =>
    spec.given([]).when({ type: 'AdmitThirdParty', data: { ...base, violations: [{ date, major: true, description: '出具虚假报告' }] } }).thenThrows('MAJOR_VIOLATION', { message: `3年内有重大违规记录（${date}：出具虚假报告），不予入库` }));
  it('admits after a major violation older than the lookback, or a minor one', () => {
    const violations = [{ date: '2023-02-28', major: true, description: '出具虚假报告' }, { date: '2025-01-01', major: false, description: '报告延期' }];
    const [event] = thirdPartyDecider.decide({ type: 'AdmitThirdParty', data: { ...base, violations } }, { status: 'none' });
    expect(event.type).toBe('ThirdPartyAdmitted');
  });
  it('follows the region’s lookback', () =>
    spec.given([]).when({ type: 'AdmitThirdParty', data: { ...base, parameters: { ...parameters, violationLookbackYears: 5 }, violations: [{ date: '2022-01-01', major: true, description: 'x' }] } }).thenThrows('MAJOR_VIOLATION'));
  it('is kept by the finance admin only', () => spec.given([]).when({ type: 'AdmitThirdParty', data: { ...base, actor: { userId: 'x', role: 'unit', unitId: 'U1' }, violations: [] } }).thenThrows('ROLE_NOT_ALLOWED', { kind: 'forbidden' }));
});

describe('第三方机构库: suspension, removal, relations and ratings', () => {
  it('suspends with a reason, reinstates, removes', () => {
    spec.given([admitted]).when({ type: 'SuspendThirdParty', data: { actor: admin, at, reason: '评价报告质量不合格' } }).then([{ type: 'ThirdPartySuspended', data: { by: 'zhao6', at, reason: '评价报告质量不合格' } }]);
    spec.given([admitted]).when({ type: 'SuspendThirdParty', data: { actor: admin, at, reason: '' } }).thenThrows('REASON_REQUIRED');
    const suspended: ThirdPartyEvent = { type: 'ThirdPartySuspended', data: { by: 'zhao6', at, reason: 'r' } };
    spec.given([admitted, suspended]).when({ type: 'ReinstateThirdParty', data: { actor: admin, at, reason: '整改到位' } }).then([{ type: 'ThirdPartyReinstated', data: { by: 'zhao6', at, reason: '整改到位' } }]);
    spec.given([admitted]).when({ type: 'ReinstateThirdParty', data: { actor: admin, at, reason: 'x' } }).thenThrows('THIRD_PARTY_NOT_SUSPENDED');
    spec.given([admitted, { type: 'ThirdPartyRemoved', data: { by: 'zhao6', at, reason: 'r' } }]).when({ type: 'SuspendThirdParty', data: { actor: admin, at, reason: 'x' } }).thenThrows('THIRD_PARTY_NOT_ADMITTED');
  });
  it('keeps every job rating as history, once per evaluation', () => {
    const rated: ThirdPartyEvent = { type: 'ThirdPartyJobRated', data: { by: 'zhao6', at, evaluationId: 'P1', score: 88, comment: '按期完成' } };
    spec.given([admitted]).when({ type: 'RateThirdPartyJob', data: { actor: admin, at, evaluationId: 'P1', score: 88, comment: '按期完成' } }).then([rated]);
    spec.given([admitted, rated]).when({ type: 'RateThirdPartyJob', data: { actor: admin, at, evaluationId: 'P1', score: 90, comment: '' } }).thenThrows('JOB_ALREADY_RATED');
    spec.given([admitted]).when({ type: 'RateThirdPartyJob', data: { actor: admin, at, evaluationId: 'P1', score: 101, comment: '' } }).thenThrows('RATING_INVALID');
    expect(stateAfter(thirdPartyDecider, [admitted, rated])).toMatchObject({ ratings: [{ evaluationId: 'P1', score: 88 }] });
  });
  it('records declared relations with units', () => {
    const state = stateAfter(thirdPartyDecider, [admitted, { type: 'ThirdPartyRelationDeclared', data: { by: 'zhao6', at, unitId: 'U001', relation: '近三年为其提供审计服务' } }]);
    expect(state).toMatchObject({ status: 'admitted', linkedUnits: ['U001'] });
  });
});
