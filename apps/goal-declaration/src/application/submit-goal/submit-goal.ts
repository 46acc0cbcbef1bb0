import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { performanceGoalDecider, performanceGoalStreamId, requireRegistered } from '../../domain';
import { parametersFor } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { IfMatch, etagOf, type HasHeaders } from '../../infrastructure/versioning';
import { loadGoal } from '../get-goal/load-goal';

/**
 * 提交审核. The append is the whole effect: the orchestrator, reading the event from Kafka,
 * starts (or resumes) the review workflow, so a crash here can never leave a half-started review.
 */
export class SubmitGoal {
  constructor(readonly projectId: string, readonly acting: RequestActor, readonly ifMatch?: number) {}
}

@CommandHandler(SubmitGoal)
export class SubmitGoalHandler implements ICommandHandler<SubmitGoal> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ projectId, acting, ifMatch }: SubmitGoal) {
    const { state } = await loadGoal(this.streams, projectId);
    const project = state.project;
    const result = await this.streams.execute(
      performanceGoalDecider,
      performanceGoalStreamId(projectId),
      { type: 'SubmitGoalForReview', data: { projectId, parameters: parametersFor(project.fiscalYear, project.region), actor: acting.actor, at: acting.at } },
      acting,
      ifMatch,
    );
    const goal = requireRegistered(result.state, projectId);
    return {
      projectId,
      reviewRound: goal.reviewRound,
      submission: goal.submission,
      version: goal.version,
      streamVersion: result.version,
    };
  }
}

@Controller('internal/goals')
export class SubmitGoalController {
  constructor(private readonly commands: CommandBus) {}
  @Post(':projectId/submission')
  @HttpCode(200)
  async submit(
    @Param('projectId') projectId: string,
    @Acting() acting: RequestActor,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ) {
    const result = await this.commands.execute(new SubmitGoal(projectId, acting, ifMatch));
    res.setHeader('ETag', etagOf(result.streamVersion));
    return result;
  }
}
