import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  exAnteAssessmentDecider,
  exAnteAssessmentStreamId,
  exAnteOutcome,
  performanceGoalDecider,
  performanceGoalStreamId,
  type PerformanceGoal,
} from '../../domain';
import { parametersFor } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { loadGoal } from '../get-goal/load-goal';

type Decision = Pick<PerformanceGoal.ReviewGoal['data'], 'decision' | 'rating' | 'score' | 'comments' | 'indicatorComments'>;

/**
 * 审核决定, recorded by the review workflow once its Update validator accepted it. The project's
 * ex-ante assessment (stream `exAnteAssessment-<projectId>`) travels with it, so the decider can
 * refuse an approval that needs a passing one.
 */
export class ReviewGoal {
  constructor(readonly projectId: string, readonly decision: Decision, readonly acting: RequestActor) {}
}

@CommandHandler(ReviewGoal)
export class ReviewGoalHandler implements ICommandHandler<ReviewGoal> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ projectId, decision, acting }: ReviewGoal) {
    const { state } = await loadGoal(this.streams, projectId);
    const project = state.project;
    const assessment = await this.streams.load(exAnteAssessmentDecider, exAnteAssessmentStreamId(projectId));
    const result = await this.streams.execute(
      performanceGoalDecider,
      performanceGoalStreamId(projectId),
      {
        type: 'ReviewGoal',
        data: {
          projectId,
          ...decision,
          exAnteAssessment: exAnteOutcome(assessment.state),
          parameters: parametersFor(project.fiscalYear, project.region),
          actor: acting.actor,
          at: acting.at,
        },
      },
      acting,
    );
    return { projectId, status: result.state.status, version: result.version };
  }
}

@Controller('internal/goals')
export class ReviewGoalController {
  constructor(private readonly commands: CommandBus) {}

  /** Called by the orchestrator's activity, with the reviewer the workflow validated. */
  @Post(':projectId/review-decision')
  @HttpCode(200)
  decide(
    @Param('projectId') projectId: string,
    @Body() body: Decision & { actor?: { id: string; role: string; unit?: string }; correlationId?: string },
    @Acting() acting: RequestActor,
  ) {
    const reviewer = body.actor
      ? {
          ...acting,
          actor: { userId: body.actor.id, role: body.actor.role as RequestActor['actor']['role'], unitId: body.actor.unit },
          metadata: {
            ...acting.metadata,
            actor: body.actor as RequestActor['metadata']['actor'],
            correlationId: body.correlationId ?? acting.metadata.correlationId,
          },
        }
      : acting;
    const { decision, rating, score, comments, indicatorComments } = body;
    return this.commands.execute(new ReviewGoal(projectId, { decision, rating, score, comments, indicatorComments }, reviewer));
  }
}
