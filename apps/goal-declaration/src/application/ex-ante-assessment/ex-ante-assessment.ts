import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExAnteAssessment, exAnteAssessmentDecider, exAnteAssessmentStreamId } from '../../domain';
import { parametersFor } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { loadGoal } from '../get-goal/load-goal';

/**
 * 事前绩效评估. One per project (assessment id = project id), so the goal review finds it
 * without a lookup table: the review loads it from its own stream, nobody passes it in.
 */
export class StartExAnteAssessment {
  constructor(readonly projectId: string, readonly assessmentId: string, readonly assessorId: string | undefined, readonly acting: RequestActor) {}
}
export class CompleteExAnteAssessment {
  constructor(
    readonly assessmentId: string,
    readonly body: Pick<ExAnteAssessment.CompleteExAnteAssessment['data'], 'dimensions' | 'conclusion' | 'opinion'>,
    readonly acting: RequestActor,
  ) {}
}

@CommandHandler(StartExAnteAssessment)
export class StartExAnteAssessmentHandler implements ICommandHandler<StartExAnteAssessment> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ projectId, assessmentId, assessorId, acting }: StartExAnteAssessment) {
    const project = (await loadGoal(this.streams, projectId)).state.project;
    await this.streams.execute(
      exAnteAssessmentDecider,
      exAnteAssessmentStreamId(assessmentId),
      {
        type: 'StartExAnteAssessment',
        data: { assessmentId, project, assessorId, parameters: parametersFor(project.fiscalYear, project.region), actor: acting.actor, at: acting.at },
      },
      acting,
    );
    return { assessmentId, projectId };
  }
}

@CommandHandler(CompleteExAnteAssessment)
export class CompleteExAnteAssessmentHandler implements ICommandHandler<CompleteExAnteAssessment> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ assessmentId, body, acting }: CompleteExAnteAssessment) {
    const result = await this.streams.execute(
      exAnteAssessmentDecider,
      exAnteAssessmentStreamId(assessmentId),
      { type: 'CompleteExAnteAssessment', data: { assessmentId, ...body, actor: acting.actor, at: acting.at } },
      acting,
    );
    return { assessmentId, ...result.state };
  }
}

@Controller('internal/ex-ante-assessments')
export class ExAnteAssessmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  start(@Body() body: { projectId: string; assessorId?: string }, @Acting() acting: RequestActor) {
    // Never a caller's id: the goal review reads `exAnteAssessment-<projectId>` and would not find another.
    return this.commands.execute(new StartExAnteAssessment(body.projectId, body.projectId, body.assessorId, acting));
  }

  @Post(':assessmentId/completion')
  @HttpCode(200)
  complete(@Param('assessmentId') assessmentId: string, @Body() body: CompleteExAnteAssessment['body'], @Acting() acting: RequestActor) {
    return this.commands.execute(new CompleteExAnteAssessment(assessmentId, body, acting));
  }
}
