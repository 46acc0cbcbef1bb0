import { describe, expect, it } from '@jest/globals';
import { ParameterOverrides, resolveParameters } from '../parameters';
import { Actor } from '../shared';
import { deciderSpec, stateAfter } from '../shared/testing/decider-spec';
import {
  DimensionScore,
  EX_ANTE_DIMENSIONS,
  ExAnteAssessmentCommand,
  ExAnteAssessmentEvent,
  ExAnteConclusion,
  ExAnteProject,
  exAnteAssessmentDecider,
  exAnteConclusion,
  exAnteOutcome,
  requiresExAnteAssessment,
  scoreDimensions,
} from './index';

const at = '2025-09-20T02:00:00.000Z';
const reviewer: Actor = { userId: 'f-rev-1', role: 'finance-reviewer' };
const expert: Actor = { userId: 'expert-7', role: 'evaluator' };
const params = (o: ParameterOverrides = {}) => resolveParameters('示例县', 2026, o);
const spec = deciderSpec(exAnteAssessmentDecider);

const project: ExAnteProject = {
  projectId: 'P-2026-009',
  name: '县域医共体信息化建设',
  unitId: 'health-bureau',
  amount: 8_000_000,
  isNew: true,
};

describe('requiresExAnteAssessment', () => {
  const p = params();
  it.each([
    ['new and flagged major', { isNew: true, major: true, amount: 1_000_000 }, true],
    ['new and at the threshold', { isNew: true, amount: 5_000_000 }, true],
    ['new but small', { isNew: true, amount: 4_999_999 }, false],
    ['continuing, not expiring', { isNew: false, amount: 9_000_000 }, false],
    ['expiring, proposed to continue, major', { isNew: false, expiringProposedToContinue: true, amount: 6_000_000 }, true],
    ['expiring, proposed to continue, small', { isNew: false, expiringProposedToContinue: true, amount: 600_000 }, false],
    ['major flag false cannot escape the threshold', { isNew: true, major: false, amount: 7_000_000 }, true],
  ])('%s → %s', (_label, facts, expected) => expect(requiresExAnteAssessment(facts, p)).toBe(expected));

  it('follows the region threshold', () =>
    expect(requiresExAnteAssessment({ isNew: true, amount: 3_000_000 }, params({ exAnteThreshold: 2_000_000 }))).toBe(true));
});

describe('exAnteConclusion', () => {
  const t = { support: 80, supportAfterAdjustment: 60 };
  it.each([
    [100, 'support'],
    [80, 'support'],
    [79.99, 'support-after-adjustment'],
    [60, 'support-after-adjustment'],
    [59.5, 'reject'],
    [0, 'reject'],
  ] as const)('%d → %s', (score, conclusion) => expect(exAnteConclusion(score, t)).toBe(conclusion));
  it('uses the region thresholds', () => expect(exAnteConclusion(75, { support: 75, supportAfterAdjustment: 50 })).toBe('support'));
});

/** Every dimension split 12 + 8; `lost` points taken off each dimension's first sub-item. */
const dimensions = (lost = 0): DimensionScore[] =>
  EX_ANTE_DIMENSIONS.map((dimension) => ({
    dimension,
    subItems: [
      { name: '论证充分性', maxScore: 12, score: 12 - lost },
      { name: '依据合规性', maxScore: 8, score: 8 },
    ],
  }));

const started = (assessorId?: string, dimensionMaxScore = 20, required = true): ExAnteAssessmentEvent => ({
  type: 'ExAnteAssessmentStarted',
  data: {
    assessmentId: 'EA-1',
    projectId: project.projectId,
    projectName: project.name,
    unitId: project.unitId,
    required,
    ...(assessorId ? { assessorId } : {}),
    dimensionMaxScore,
    conclusionThresholds: { support: 80, supportAfterAdjustment: 60 },
    by: reviewer.userId,
    at,
  },
});
const start = (actor: Actor = reviewer, extra: Partial<Extract<ExAnteAssessmentCommand, { type: 'StartExAnteAssessment' }>['data']> = {}): ExAnteAssessmentCommand => ({
  type: 'StartExAnteAssessment',
  data: { assessmentId: 'EA-1', project, parameters: params(), actor, at, ...extra },
});
const complete = (
  dims: DimensionScore[],
  options: { conclusion?: ExAnteConclusion; actor?: Actor; opinion?: string } = {},
): ExAnteAssessmentCommand => ({
  type: 'CompleteExAnteAssessment',
  data: {
    assessmentId: 'EA-1',
    dimensions: dims,
    ...(options.conclusion ? { conclusion: options.conclusion } : {}),
    opinion: options.opinion ?? '项目立项必要，建议优化实施方案',
    actor: options.actor ?? reviewer,
    at,
  },
});
const completed = (lost: number, conclusion: ExAnteConclusion, by = reviewer.userId): ExAnteAssessmentEvent => {
  const total = 100 - lost * 5;
  return {
    type: 'ExAnteAssessmentCompleted',
    data: {
      assessmentId: 'EA-1',
      projectId: project.projectId,
      dimensions: scoreDimensions(dimensions(lost), 20),
      totalScore: total,
      normalisedScore: total,
      conclusion,
      opinion: '项目立项必要，建议优化实施方案',
      by,
      at,
    },
  };
};

describe('ex-ante assessment decider', () => {
  describe('start', () => {
    it('starts and records whether it is required', () => spec.given([]).when(start()).then([started()]));
    it('records a voluntary one', () =>
      spec.given([]).when(start(reviewer, { project: { ...project, amount: 100_000 } })).then([started(undefined, 20, false)]));
    it('assigns an evaluator', () => spec.given([]).when(start(reviewer, { assessorId: expert.userId })).then([started(expert.userId)]));
    it('only finance starts one', () => spec.given([]).when(start(expert)).thenThrows('FORBIDDEN'));
    it('refuses starting twice', () => spec.given([started()]).when(start()).thenThrows('ASSESSMENT_ALREADY_STARTED'));
    it('requires the project', () =>
      spec.given([]).when(start(reviewer, { project: { ...project, projectId: '' } })).thenThrows('PROJECT_ID_REQUIRED'));
  });

  describe('complete', () => {
    it('derives 支持 from ≥ 80', () => spec.given([started()]).when(complete(dimensions(2))).then([completed(2, 'support')]));
    it('derives 调整后支持 from 60–80', () =>
      spec.given([started()]).when(complete(dimensions(5))).then([completed(5, 'support-after-adjustment')]));
    it('derives 不予支持 below 60', () => spec.given([started()]).when(complete(dimensions(9))).then([completed(9, 'reject')]));
    it('accepts a matching stated conclusion', () =>
      spec.given([started()]).when(complete(dimensions(5), { conclusion: 'support-after-adjustment' })).then([completed(5, 'support-after-adjustment')]));
    it('refuses a conclusion inconsistent with the score', () =>
      spec
        .given([started()])
        .when(complete(dimensions(9), { conclusion: 'support' }))
        .thenThrows('CONCLUSION_INCONSISTENT', 'conclusion', '评估结论“支持”与得分55分不符：按分数线应为“不予支持”'));
    it('refuses an unknown conclusion', () =>
      spec.given([started()]).when(complete(dimensions(0), { conclusion: 'ok' as never })).thenThrows('CONCLUSION_INVALID'));
    it('normalises when dimensions are worth other than 20', () => {
      const dims = EX_ANTE_DIMENSIONS.map((dimension) => ({ dimension, subItems: [{ name: '要点', maxScore: 10, score: 7 }] }));
      const [event] = exAnteAssessmentDecider.decide(complete(dims), stateAfter(exAnteAssessmentDecider, [started(undefined, 10)]));
      expect(event?.data).toMatchObject({ totalScore: 35, normalisedScore: 70, conclusion: 'support-after-adjustment' });
    });

    it('refuses before start', () => spec.given([]).when(complete(dimensions())).thenThrows('ASSESSMENT_NOT_STARTED'));
    it('refuses scoring twice', () =>
      spec.given([started(), completed(0, 'support')]).when(complete(dimensions())).thenThrows('ASSESSMENT_ALREADY_COMPLETED'));
    it('lets the assigned evaluator complete it', () =>
      spec.given([started(expert.userId)]).when(complete(dimensions(2), { actor: expert })).then([completed(2, 'support', expert.userId)]));
    it('refuses an evaluator it was not assigned to', () =>
      spec.given([started('expert-1')]).when(complete(dimensions(), { actor: expert })).thenThrows('NOT_ASSIGNED_ASSESSOR'));
    it('refuses a unit user', () =>
      spec.given([started()]).when(complete(dimensions(), { actor: { userId: 'u', role: 'unit', unitId: 'health-bureau' } })).thenThrows('FORBIDDEN'));
    it('requires an opinion', () =>
      spec.given([started()]).when(complete(dimensions(), { opinion: '' })).thenThrows('OPINION_REQUIRED', 'opinion'));
  });

  describe('dimensions and sub-items', () => {
    it('requires all five dimensions', () =>
      spec.given([started()]).when(complete(dimensions().slice(1))).thenThrows('DIMENSION_MISSING', 'dimensions', '缺少评估维度“立项必要性”的评分'));
    it('refuses a duplicate dimension', () =>
      spec.given([started()]).when(complete([...dimensions(), dimensions()[0] as DimensionScore])).thenThrows('DIMENSION_DUPLICATE'));
    it('refuses an unknown dimension', () =>
      spec
        .given([started()])
        .when(complete([...dimensions(), { dimension: 'risk' as never, subItems: [] }]))
        .thenThrows('DIMENSION_INVALID', 'dimensions[5].dimension'));
    it('refuses dimensions [{}] as a rule, not a crash', () =>
      spec.given([started()]).when(complete([{} as DimensionScore])).thenThrows('DIMENSION_INVALID', 'dimensions[0].dimension'));
    it('refuses a dimension that is not an object', () =>
      spec.given([started()]).when(complete([null as never])).thenThrows('DIMENSIONS_INVALID', 'dimensions'));
    it('refuses sub-items that are not a list', () => {
      const dims = dimensions().map((d, n) => (n === 0 ? { ...d, subItems: 'x' as never } : d));
      spec.given([started()]).when(complete(dims)).thenThrows('SUB_ITEMS_REQUIRED', 'dimensions[0].subItems');
    });
    it('requires sub-items', () => {
      const dims = dimensions().map((d, n) => (n === 2 ? { ...d, subItems: [] } : d));
      spec.given([started()]).when(complete(dims)).thenThrows('SUB_ITEMS_REQUIRED', 'dimensions[2].subItems');
    });
    it('requires sub-item maxima to sum to the dimension points', () => {
      const dims = dimensions().map((d, n) => (n === 1 ? { ...d, subItems: [{ name: '成本测算', maxScore: 18, score: 10 }] } : d));
      spec
        .given([started()])
        .when(complete(dims))
        .thenThrows('SUB_ITEMS_MAX_MISMATCH', 'dimensions[1].subItems', '评估维度“投入经济性”各评分要点分值合计应为20分，当前为18分');
    });
    it('refuses a sub-item score above its maximum', () => {
      const dims = dimensions().map((d, n) => (n === 0 ? { ...d, subItems: [{ name: '需求迫切性', maxScore: 12, score: 13 }, { name: '依据', maxScore: 8, score: 8 }] } : d));
      spec.given([started()]).when(complete(dims)).thenThrows('SUB_ITEM_SCORE_OUT_OF_RANGE', 'dimensions[0].subItems[0].score');
    });
    it('refuses a negative sub-item score', () => {
      const dims = dimensions().map((d, n) => (n === 0 ? { ...d, subItems: [{ name: '需求迫切性', maxScore: 12, score: -1 }, { name: '依据', maxScore: 8, score: 8 }] } : d));
      spec.given([started()]).when(complete(dims)).thenThrows('SUB_ITEM_SCORE_OUT_OF_RANGE');
    });
    it('refuses a sub-item without name or with zero points', () => {
      const noName = dimensions().map((d, n) => (n === 0 ? { ...d, subItems: [{ name: '', maxScore: 20, score: 1 }] } : d));
      spec.given([started()]).when(complete(noName)).thenThrows('SUB_ITEM_NAME_REQUIRED');
      const zero = dimensions().map((d, n) => (n === 0 ? { ...d, subItems: [{ name: 'x', maxScore: 0, score: 0 }, { name: 'y', maxScore: 20, score: 20 }] } : d));
      spec.given([started()]).when(complete(zero)).thenThrows('SUB_ITEM_MAX_INVALID');
    });
  });

  it('exposes the outcome a goal approval carries', () => {
    expect(exAnteOutcome(stateAfter(exAnteAssessmentDecider, [started()]))).toBeUndefined();
    expect(exAnteOutcome(stateAfter(exAnteAssessmentDecider, [started(), completed(5, 'support-after-adjustment')]))).toEqual({
      assessmentId: 'EA-1',
      projectId: project.projectId,
      conclusion: 'support-after-adjustment',
      totalScore: 75,
    });
  });
});
