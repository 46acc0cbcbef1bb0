import { Controller, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { forbidden, invalid, isDomainError, notFound } from '@bpm/decider';
import { selfEvaluationDecider } from '../../domain';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { selfEvaluationStreamId } from '../../infrastructure/tokens';
import { ExecutionFact, IndicatorActualFact, ProjectFacts } from '../../projections/entities';
import { prefill } from './prefill';

export class OpenSelfEvaluationCmd {
  constructor(readonly projectId: string, readonly acting: RequestActor) {}
}
export class OpenSelfEvaluationsForYear {
  constructor(readonly fiscalYear: number, readonly acting: RequestActor) {}
}

/** 开启单位自评 for one project, prefilled from the facts other contexts published. */
@CommandHandler(OpenSelfEvaluationCmd)
export class OpenSelfEvaluationHandler implements ICommandHandler<OpenSelfEvaluationCmd> {
  constructor(
    private readonly streams: StreamCommands,
    @InjectRepository(ProjectFacts) private readonly facts: Repository<ProjectFacts>,
    @InjectRepository(ExecutionFact) private readonly executions: Repository<ExecutionFact>,
    @InjectRepository(IndicatorActualFact) private readonly actuals: Repository<IndicatorActualFact>,
  ) {}
  async execute({ projectId, acting }: OpenSelfEvaluationCmd) {
    const facts = await this.facts.findOneBy({ projectId });
    if (!facts) throw notFound('PROJECT_NOT_FOUND', `评价服务中没有项目${projectId}：项目未登记，或登记信息尚未同步`);
    const execution = await this.executions.findOneBy({ projectId, fiscalYear: facts.fiscalYear });
    const actuals = await this.actuals.findBy({ projectId, fiscalYear: facts.fiscalYear });
    const result = await this.streams.execute(
      selfEvaluationDecider,
      selfEvaluationStreamId(projectId),
      { type: 'OpenSelfEvaluation', data: { ...prefill(facts, execution, actuals), actor: acting.actor, at: acting.at } },
      acting,
    );
    return { projectId, status: result.state.status, version: result.version };
  }
}

/**
 * Opens the self-evaluations of a fiscal year: every project with an approved goal. Idempotent:
 * one already open is counted, not refused, so the annual cycle (or an admin) may run it again.
 */
@CommandHandler(OpenSelfEvaluationsForYear)
export class OpenSelfEvaluationsForYearHandler implements ICommandHandler<OpenSelfEvaluationsForYear> {
  constructor(private readonly commands: CommandBus, @InjectRepository(ProjectFacts) private readonly facts: Repository<ProjectFacts>) {}
  async execute({ fiscalYear, acting }: OpenSelfEvaluationsForYear) {
    if (acting.actor.role !== 'finance-admin' && acting.actor.role !== 'system') throw forbidden('ROLE_NOT_ALLOWED', '单位自评由年度流程或财政管理员开启');
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) throw invalid('FISCAL_YEAR_INVALID', '年度应为2000至2100之间的整数', 'fiscalYear');
    const projects = await this.facts.find({ where: { fiscalYear, goalStatus: 'approved' }, select: { projectId: true }, order: { projectId: 'ASC' } });
    const outcome = { fiscalYear, projects: projects.length, opened: 0, alreadyOpen: 0, refused: [] as { projectId: string; code: string; detail: string }[] };
    for (const { projectId } of projects) {
      try {
        await this.commands.execute(new OpenSelfEvaluationCmd(projectId, acting));
        outcome.opened++;
      } catch (error) {
        if (isDomainError(error) && error.code === 'SELF_EVALUATION_ALREADY_OPEN') outcome.alreadyOpen++;
        else if (isDomainError(error)) outcome.refused.push({ projectId, code: error.code, detail: error.message });
        else if ((error as { name?: string }).name === 'ConcurrencyError') outcome.alreadyOpen++;
        else throw error;
      }
    }
    return outcome;
  }
}

@Controller('internal/self-evaluations')
export class OpenSelfEvaluationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':projectId/opening')
  @HttpCode(201)
  open(@Param('projectId') projectId: string, @Acting() acting: RequestActor) {
    return this.commands.execute(new OpenSelfEvaluationCmd(projectId, acting));
  }

  @Post('years/:fiscalYear/opening')
  @HttpCode(200)
  openYear(@Param('fiscalYear', ParseIntPipe) fiscalYear: number, @Acting() acting: RequestActor) {
    return this.commands.execute(new OpenSelfEvaluationsForYear(fiscalYear, acting));
  }
}
