import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AcceptFrom } from '@bpm/auth';
import { notFound } from '@bpm/decider';
import { KEY_LEVEL1, MILESTONES, keyEvaluationDecider, type Milestone, thirdPartyDecider, type Candidate, type KeyEvaluationCommand, type ScoredKeyIndicator } from '../../domain';
import { REGION_PARAMETERS, type RegionParameters } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { keyEvaluationStreamId, thirdPartyStreamId } from '../../infrastructure/tokens';
import { ProjectFacts } from '../../projections/entities';
import { list, num, oneOf, optionalText, text } from '../input';

type Step =
  | { type: 'select'; reason: string }
  | { type: 'assign'; agencyId: string; expertIds: string[] }
  | { type: 'milestone'; milestone: 'work-plan' | 'fieldwork'; summary: string }
  | { type: 'draft'; indicators: ScoredKeyIndicator[]; findings: string; recommendations: string }
  | { type: 'review'; decision: 'accept' | 'return'; comments?: string }
  | { type: 'final' }
  | { type: 'notice'; kind: 'reminder' | 'overdue'; milestone: Milestone; dueAt: string };

export class AdvanceKeyEvaluation {
  constructor(readonly projectId: string, readonly step: Step, readonly acting: RequestActor) {}
}

/**
 * 重点评价, one stream per project (`keyEvaluation-<projectId>`). Assignment reads the registry
 * from the event store, not a read model, so an agency suspended a moment ago is refused.
 */
@CommandHandler(AdvanceKeyEvaluation)
export class AdvanceKeyEvaluationHandler implements ICommandHandler<AdvanceKeyEvaluation> {
  constructor(
    private readonly streams: StreamCommands,
    @Inject(REGION_PARAMETERS) private readonly region: RegionParameters,
    @InjectRepository(ProjectFacts) private readonly facts: Repository<ProjectFacts>,
  ) {}

  private async candidate(id: string): Promise<Candidate> {
    const { state } = await this.streams.load(thirdPartyDecider, thirdPartyStreamId(id));
    if (state.status === 'none') return { id, kind: 'agency', name: id, status: 'unknown', linkedUnits: [] };
    return { id, kind: state.kind, name: state.name, status: state.status, linkedUnits: state.linkedUnits };
  }

  private async command(projectId: string, step: Step, acting: RequestActor): Promise<KeyEvaluationCommand> {
    const base = { actor: acting.actor, at: acting.at };
    switch (step.type) {
      case 'select': {
        const f = await this.facts.findOneBy({ projectId });
        if (!f) throw notFound('PROJECT_NOT_FOUND', `评价服务中没有项目${projectId}：项目未登记，或登记信息尚未同步`);
        const project = { projectId, unitId: f.unitId, fiscalYear: f.fiscalYear, name: f.name, amountFen: f.amountFen };
        return { type: 'SelectForKeyEvaluation', data: { ...base, project, reason: step.reason } };
      }
      case 'assign': {
        const agency = await this.candidate(step.agencyId);
        const experts = await Promise.all(step.expertIds.map((id) => this.candidate(id)));
        const { state } = await this.streams.load(keyEvaluationDecider, keyEvaluationStreamId(projectId));
        const fiscalYear = state.status === 'none' ? Number(acting.at.slice(0, 4)) : state.project.fiscalYear;
        return { type: 'AssignKeyEvaluation', data: { ...base, parameters: this.region.forYear(fiscalYear), agency, experts } };
      }
      case 'milestone':
        return { type: 'ReachKeyEvaluationMilestone', data: { ...base, milestone: step.milestone, summary: step.summary } };
      case 'draft': {
        const { state } = await this.streams.load(keyEvaluationDecider, keyEvaluationStreamId(projectId));
        const fiscalYear = state.status === 'none' ? Number(acting.at.slice(0, 4)) : state.project.fiscalYear;
        return { type: 'SubmitKeyEvaluationDraft', data: { ...base, parameters: this.region.forYear(fiscalYear), indicators: step.indicators, findings: step.findings, recommendations: step.recommendations } };
      }
      case 'review':
        return { type: 'ReviewKeyEvaluationDraft', data: { ...base, decision: step.decision, ...(step.comments ? { comments: step.comments } : {}) } };
      case 'final':
        return { type: 'IssueKeyEvaluationReport', data: base };
      case 'notice':
        return { type: 'RecordKeyEvaluationMilestoneNotice', data: { ...base, kind: step.kind, milestone: step.milestone, dueAt: step.dueAt } };
    }
  }

  async execute({ projectId, step, acting }: AdvanceKeyEvaluation) {
    const stream = keyEvaluationStreamId(projectId);
    const result = await this.streams.execute(keyEvaluationDecider, stream, await this.command(projectId, step, acting), acting);
    const s = result.state;
    return { projectId, status: s.status, version: result.version, ...('stage' in s ? { stage: s.stage } : {}), ...('result' in s ? { result: s.result } : {}), ...('draft' in s ? { draft: s.draft } : {}) };
  }
}

const indicatorOf = (x: Record<string, unknown>, i: number): ScoredKeyIndicator => ({
  level1: oneOf(x['level1'], KEY_LEVEL1, `indicators[${i}].level1`, '一级指标'),
  level2: text(x['level2'], `indicators[${i}].level2`, '二级指标'),
  name: text(x['name'], `indicators[${i}].name`, '三级指标'),
  maxPoints: num(x['maxPoints'], `indicators[${i}].maxPoints`, '分值'),
  points: num(x['points'], `indicators[${i}].points`, '得分'),
  basis: typeof x['basis'] === 'string' ? x['basis'] : '',
});

@Controller('internal/key-evaluations')
export class KeyEvaluationCommandsController {
  constructor(private readonly commands: CommandBus) {}
  private run(projectId: string, step: Step, acting: RequestActor) {
    return this.commands.execute(new AdvanceKeyEvaluation(projectId, step, acting));
  }

  @Post(':projectId/selection')
  @HttpCode(201)
  select(@Param('projectId') projectId: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    return this.run(projectId, { type: 'select', reason: text(body?.['reason'], 'reason', '选定理由') }, acting);
  }

  @Post(':projectId/assignment')
  @HttpCode(200)
  assign(@Param('projectId') projectId: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    const expertIds = (Array.isArray(body?.['expertIds']) ? body['expertIds'] : []).map((id: unknown, i: number) => text(id, `expertIds[${i}]`, '专家'));
    return this.run(projectId, { type: 'assign', agencyId: text(body?.['agencyId'], 'agencyId', '第三方机构'), expertIds }, acting);
  }

  @Post(':projectId/milestones')
  @HttpCode(200)
  milestone(@Param('projectId') projectId: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    const milestone = oneOf(body?.['milestone'], ['work-plan', 'fieldwork'] as const, 'milestone', '里程碑');
    return this.run(projectId, { type: 'milestone', milestone, summary: typeof body?.['summary'] === 'string' ? body['summary'] : '' }, acting);
  }

  @Post(':projectId/draft')
  @HttpCode(200)
  draft(@Param('projectId') projectId: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    const indicators = list<Record<string, unknown>>(body?.['indicators'], 'indicators', '评价指标').map(indicatorOf);
    const str = (k: string) => (typeof body?.[k] === 'string' ? (body[k] as string) : '');
    return this.run(projectId, { type: 'draft', indicators, findings: str('findings'), recommendations: str('recommendations') }, acting);
  }

  @Post(':projectId/review')
  @HttpCode(200)
  review(@Param('projectId') projectId: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    const decision = oneOf(body?.['decision'], ['accept', 'return'] as const, 'decision', '审核结论');
    const comments = optionalText(body?.['comments'], 'comments', '审核意见');
    return this.run(projectId, { type: 'review', decision, ...(comments ? { comments } : {}) }, acting);
  }

  @Post(':projectId/final-report')
  @HttpCode(200)
  final(@Param('projectId') projectId: string, @Acting() acting: RequestActor) {
    return this.run(projectId, { type: 'final' }, acting);
  }

  /** 提醒 / 逾期 of a milestone: only the schedule workflow's activity (an orchestrator token) records them. */
  @Post(':projectId/milestone-notices')
  @AcceptFrom('orchestrator')
  @HttpCode(200)
  notice(@Param('projectId') projectId: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    const kind = oneOf(body?.['kind'], ['reminder', 'overdue'] as const, 'kind', '类别');
    const milestone = oneOf(body?.['milestone'], MILESTONES, 'milestone', '里程碑');
    return this.run(projectId, { type: 'notice', kind, milestone, dueAt: text(body?.['dueAt'], 'dueAt', '期限') }, acting);
  }
}
