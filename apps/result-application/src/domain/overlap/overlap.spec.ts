import { deciderSpec } from '@bpm/decider/testing';
import { ProjectProfile, findOverlaps, overlapDecider } from './overlap';
import { similarity } from './similarity';

const project = (p: Partial<ProjectProfile>): ProjectProfile => ({
  projectId: 'P1',
  projectName: '农村道路养护',
  unitId: 'U01',
  fiscalYear: 2026,
  overallGoal: '完成全县农村公路日常养护，保障道路安全畅通',
  indicators: ['养护里程', '路面完好率', '群众满意度'],
  ...p,
});

describe('similarity over Chinese character n-grams', () => {
  it('identical texts score 1, unrelated 0, look-alikes in between; spacing and punctuation ignored', () => {
    expect(similarity('农村道路养护', '农村道路养护')).toBe(1);
    expect(similarity('农村道路养护', '中小学营养餐')).toBe(0);
    const s = similarity('农村道路养护', '农村公路养护');
    expect(s).toBeGreaterThan(0.1);
    expect(s).toBeLessThan(1);
    expect(similarity('农村 道路，养护', '农村道路养护')).toBe(1);
  });
});

describe('overlap and fragmentation (交叉重复、碎片化)', () => {
  const a = project({});
  const b = project({ projectId: 'P2', unitId: 'U02', projectName: '农村公路养护', overallGoal: '完成全县农村公路日常养护，保障公路安全畅通', indicators: ['养护里程数', '路面完好率', '安全事故数'] });
  const c = project({ projectId: 'P3', unitId: 'U03', projectName: '中小学营养餐', overallGoal: '为全县学生提供营养午餐', indicators: ['受益学生人数', '家长满意度'] });

  it('lists look-alike projects of different units with the score and the shared indicators', () => {
    const found = findOverlaps([a, b, c], 0.5);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ candidateId: '2026:P1:P2', sharedIndicators: ['养护里程 ≈ 养护里程数', '路面完好率'] });
    expect(found[0].score).toBeGreaterThanOrEqual(0.5);
    expect(found[0].projects.map((p) => p.projectId)).toEqual(['P1', 'P2']);
  });

  it('leaves out the same unit, another year, and pairs below the threshold', () => {
    expect(findOverlaps([a, { ...b, unitId: 'U01' }], 0.5)).toEqual([]);
    expect(findOverlaps([a, { ...b, fiscalYear: 2027 }], 0.5)).toEqual([]);
    expect(findOverlaps([a, b], 0.99)).toEqual([]);
  });

  it('the finance admin confirms or dismisses once', () => {
    const spec = deciderSpec(overlapDecider);
    const [candidate] = findOverlaps([a, b], 0.5);
    const at = '2027-04-01T00:00:00.000Z';
    const admin = { userId: 'a1', role: 'finance-admin' as const };
    const listed = { type: 'OverlapListed' as const, data: { candidate, at } };
    spec.given([listed]).when({ type: 'ConfirmOverlap', data: { actor: admin, at } }).then([{ type: 'OverlapConfirmed', data: { by: 'a1', at } }]);
    spec.given([listed]).when({ type: 'DismissOverlap', data: { actor: admin, at, note: '用途不同' } }).then([{ type: 'OverlapDismissed', data: { by: 'a1', at, note: '用途不同' } }]);
    spec.given([listed, { type: 'OverlapDismissed', data: { by: 'a1', at } }]).when({ type: 'ConfirmOverlap', data: { actor: admin, at } }).thenThrows('OVERLAP_ALREADY_DECIDED');
    spec.given([listed]).when({ type: 'ConfirmOverlap', data: { actor: { userId: 'u', role: 'unit', unitId: 'U01' }, at } }).thenThrows('ROLE_NOT_ALLOWED');
    spec.given([listed]).when({ type: 'ListOverlap', data: { actor: admin, at, candidate } }).thenNothing();
  });
});
