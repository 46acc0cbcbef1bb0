import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { AcceptFrom } from '@bpm/auth';
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

  /**
   * Called by the orchestrator's activity only, with a token whose subject is the reviewer the
   * workflow's Update validated. An `actor` in the body is ignored: the reviewer is the token's.
   */
  @Post(':projectId/review-decision')
  @AcceptFrom('orchestrator')
  @HttpCode(200)
  decide(@Param('projectId') projectId: string, @Body() body: Decision, @Acting() acting: RequestActor) {
    const { decision, rating, score, comments, indicatorComments } = body;
    return this.commands.execute(new ReviewGoal(projectId, { decision, rating, score, comments, indicatorComments }, acting));
  }
}
