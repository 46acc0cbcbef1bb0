import { Controller, Get, Inject, Param } from '@nestjs/common';
import { forbidden, notFound } from '@bpm/decider';
import type { RecordedEvent } from '@bpm/contracts';
import { GRADE_LABELS, scoreSelfEvaluation, selfEvaluationDecider, toScoringInput, type Actor, type Evidence, type ScoreDerivation, type SelfEvaluationState } from '../../domain';
import { evidenceOf } from '../../projections/project-facts';
import { REGION_PARAMETERS, type RegionParameters } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { selfEvaluationStreamId } from '../../infrastructure/tokens';

const NOT_FOUND = () => notFound('SELF_EVALUATION_NOT_FOUND', '未找到该项目的单位自评');

/** Units read their own; finance and auditors read all; an evaluator has no business here. Another unit's record answers as a missing one. */
export const requireReader = (actor: Actor, unitId: string) => {
  if (actor.role === 'evaluator') throw forbidden('ROLE_NOT_ALLOWED', '第三方评价人员只能查看委托给本机构的重点评价');
  if (actor.role === 'unit' && actor.unitId !== unitId) throw NOT_FOUND();
};

/**
 * The derivation of the score: as recorded at acceptance or submission; before that, a preview
 * of the form as filled. The unit's own inputs (a corrected actual, a corrected executed amount)
 * name the self-evaluation's event that supplied them, beside the events of the data they replace.
 */
export function derivationOf(state: Exclude<SelfEvaluationState, { status: 'none' }>, events: readonly RecordedEvent[], region: RegionParameters): { derivation: ScoreDerivation; basis: 'accepted' | 'submitted' | 'preview' } {
  const recorded = [...events].reverse().find((e) => e.type === 'SelfEvaluationAccepted' || e.type === 'SelfEvaluationSubmitted');
  const stillRecorded = state.status === 'accepted' || state.status === 'submitted';
  const derivation = stillRecorded && recorded
    ? (recorded.data as { derivation: ScoreDerivation }).derivation
    : scoreSelfEvaluation(toScoringInput(state.opened, state.filled), region.forYear(state.opened.fiscalYear));
  const filledEvent = [...events].reverse().find((e) => e.type === 'SelfEvaluationFilled');
  if (!filledEvent || !state.filled) return { derivation, basis: stillRecorded ? (state.status as 'accepted' | 'submitted') : 'preview' };
  const own: Evidence = evidenceOf(filledEvent);
  const corrected = new Set(state.filled.actuals.filter((a) => a.kind !== 'confirmed').map((a) => a.name));
  const withOwn = (evidence: readonly Evidence[]) => (evidence.some((e) => e.stream === own.stream && e.version === own.version) ? evidence : [...evidence, own]);
  return {
    basis: stillRecorded ? (state.status as 'accepted' | 'submitted') : 'preview',
    derivation: {
      ...derivation,
      execution: state.filled.executionCorrection ? { ...derivation.execution, evidence: withOwn(derivation.execution.evidence) } : derivation.execution,
      indicators: derivation.indicators.map((i) => (corrected.has(i.name) ? { ...i, evidence: withOwn(i.evidence) } : i)),
    },
  };
}

@Controller('internal/self-evaluations')
export class SelfEvaluationQueriesController {
  constructor(private readonly streams: StreamCommands, @Inject(REGION_PARAMETERS) private readonly region: RegionParameters) {}

  private async load(projectId: string, actor: Actor) {
    const loaded = await this.streams.load(selfEvaluationDecider, selfEvaluationStreamId(projectId));
    if (loaded.state.status === 'none') throw NOT_FOUND();
    requireReader(actor, loaded.state.opened.unitId);
    return { ...loaded, state: loaded.state };
  }

  @Get(':projectId')
  async get(@Param('projectId') projectId: string, @Acting() acting: RequestActor) {
    const { state, version, events } = await this.load(projectId, acting.actor);
    return {
      projectId,
      unitId: state.opened.unitId,
      fiscalYear: state.opened.fiscalYear,
      status: state.status,
      round: state.round,
      version,
      prefilled: state.opened,
      form: state.filled ?? null,
      ...('lastComments' in state && state.lastComments ? { lastComments: state.lastComments } : {}),
      ...('total' in state ? { total: state.total, grade: state.grade, gradeLabel: GRADE_LABELS[state.grade] } : {}),
      ...(state.status === 'submitted' ? { flags: state.flags } : {}),
      history: events.map((e) => ({ type: e.type, version: e.version, hash: e.hash, time: e.time, by: e.metadata.actor.id })),
    };
  }

  /** 得分说明: each indicator's target, actual, direction, weight, rule, points and evidence. */
  @Get(':projectId/score')
  async score(@Param('projectId') projectId: string, @Acting() acting: RequestActor) {
    const { state, events } = await this.load(projectId, acting.actor);
    const { derivation, basis } = derivationOf(state, events, this.region);
    return { projectId, basis, ...derivation };
  }

  /** 等级说明: the total, each section, and the rule that gave the grade. */
  @Get(':projectId/grade')
  async grade(@Param('projectId') projectId: string, @Acting() acting: RequestActor) {
    const { state, events } = await this.load(projectId, acting.actor);
    const { derivation, basis } = derivationOf(state, events, this.region);
    const t = this.region.forYear(state.opened.fiscalYear).gradeThresholds;
    return {
      projectId, basis, total: derivation.total, grade: derivation.grade, gradeLabel: GRADE_LABELS[derivation.grade], gradeRule: derivation.gradeRule,
      thresholds: t, execution: { points: derivation.execution.points, maxPoints: derivation.execution.maxPoints, evidence: derivation.execution.evidence },
      sections: derivation.sections,
      evidence: events.filter((e) => e.type === 'SelfEvaluationAccepted' || e.type === 'SelfEvaluationSubmitted').map(evidenceOf),
    };
  }
}

