import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@bpm/decider';
import { IndicatorActual, QUALITATIVE_RATINGS, REASON_NATURES, ShortfallReason, selfEvaluationDecider, type SelfEvaluationState } from '../../domain';
import { REGION_PARAMETERS, type RegionParameters } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { selfEvaluationStreamId } from '../../infrastructure/tokens';
import { list, num, oneOf, optionalText, text } from '../input';

type Action =
  | { type: 'fill'; actuals: IndicatorActual[]; reasons: ShortfallReason[]; executionCorrection?: { executedFen: number; reason: string } }
  | { type: 'submit' }
  | { type: 'review'; decision: 'accept' | 'return'; comments?: string; qualitativeScores: { name: string; percentOfWeight: number }[] };

export class ActOnSelfEvaluation {
  constructor(readonly projectId: string, readonly action: Action, readonly acting: RequestActor) {}
}

/** 填报 / 提交 / 审核: one handler, since each is "load, decide with the year's parameters, append". */
@CommandHandler(ActOnSelfEvaluation)
export class ActOnSelfEvaluationHandler implements ICommandHandler<ActOnSelfEvaluation> {
  constructor(private readonly streams: StreamCommands, @Inject(REGION_PARAMETERS) private readonly region: RegionParameters) {}
  async execute({ projectId, action, acting }: ActOnSelfEvaluation) {
    const stream = selfEvaluationStreamId(projectId);
    const { state } = await this.streams.load(selfEvaluationDecider, stream);
    if (state.status === 'none') throw notFound('SELF_EVALUATION_NOT_FOUND', '未找到该项目的单位自评');
    const common = { actor: acting.actor, at: acting.at, parameters: this.region.forYear(state.opened.fiscalYear) };
    const { type: _type, ...rest } = action;
    const command =
      action.type === 'fill'
        ? ({ type: 'FillSelfEvaluation', data: { ...common, ...(rest as Omit<Extract<Action, { type: 'fill' }>, 'type'>) } } as const)
        : action.type === 'submit'
          ? ({ type: 'SubmitSelfEvaluation', data: common } as const)
          : ({ type: 'ReviewSelfEvaluation', data: { ...common, ...(rest as Omit<Extract<Action, { type: 'review' }>, 'type'>) } } as const);
    const result = await this.streams.execute(selfEvaluationDecider, stream, command, acting);
    return summary(projectId, result.state, result.version);
  }
}

const summary = (projectId: string, state: SelfEvaluationState, version: number) => ({
  projectId,
  status: state.status,
  version,
  ...('total' in state ? { total: state.total, grade: state.grade } : {}),
  ...(state.status === 'submitted' ? { flags: state.flags } : {}),
});

const actualOf = (a: Record<string, unknown>, i: number): IndicatorActual => {
  const f = `actuals[${i}]`;
  const name = text(a['name'], `${f}.name`, '指标名称');
  const kind = oneOf(a['kind'], ['confirmed', 'corrected', 'qualitative'] as const, `${f}.kind`, '填报方式');
  if (kind === 'confirmed') return { name, kind };
  if (kind === 'corrected') return { name, kind, actual: num(a['actual'], `${f}.actual`, '实际值'), reason: typeof a['reason'] === 'string' ? a['reason'] : '' };
  return { name, kind, rating: oneOf(a['rating'], QUALITATIVE_RATINGS, `${f}.rating`, '达成程度'), percentOfWeight: num(a['percentOfWeight'], `${f}.percentOfWeight`, '评分比例') };
};

@Controller('internal/self-evaluations')
export class SelfEvaluationActionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':projectId/form')
  @HttpCode(200)
  fill(@Param('projectId') projectId: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    const actuals = list<Record<string, unknown>>(body?.['actuals'], 'actuals', '实际值').map(actualOf);
    const reasons = list<Record<string, unknown>>(body?.['reasons'], 'reasons', '偏差原因').map((r, i) => ({
      indicatorName: text(r['indicatorName'], `reasons[${i}].indicatorName`, '指标名称'),
      nature: oneOf(r['nature'], REASON_NATURES, `reasons[${i}].nature`, '原因性质'),
      text: typeof r['text'] === 'string' ? r['text'] : '',
    }));
    const c = body?.['executionCorrection'] as Record<string, unknown> | undefined;
    const executionCorrection = c ? { executedFen: num(c['executedFen'], 'executionCorrection.executedFen', '实际支出（分）'), reason: typeof c['reason'] === 'string' ? c['reason'] : '' } : undefined;
    return this.commands.execute(new ActOnSelfEvaluation(projectId, { type: 'fill', actuals, reasons, ...(executionCorrection ? { executionCorrection } : {}) }, acting));
  }

  @Post(':projectId/submission')
  @HttpCode(200)
  submit(@Param('projectId') projectId: string, @Acting() acting: RequestActor) {
    return this.commands.execute(new ActOnSelfEvaluation(projectId, { type: 'submit' }, acting));
  }

  @Post(':projectId/review')
  @HttpCode(200)
  review(@Param('projectId') projectId: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    const decision = oneOf(body?.['decision'], ['accept', 'return'] as const, 'decision', '审核结论');
    const comments = optionalText(body?.['comments'], 'comments', '审核意见');
    const qualitativeScores = list<Record<string, unknown>>(body?.['qualitativeScores'], 'qualitativeScores', '定性指标评分').map((q, i) => ({
      name: text(q['name'], `qualitativeScores[${i}].name`, '指标名称'),
      percentOfWeight: num(q['percentOfWeight'], `qualitativeScores[${i}].percentOfWeight`, '评分比例'),
    }));
    return this.commands.execute(new ActOnSelfEvaluation(projectId, { type: 'review', decision, ...(comments ? { comments } : {}), qualitativeScores }, acting));
  }
}
