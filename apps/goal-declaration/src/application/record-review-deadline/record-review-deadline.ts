import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { AcceptFrom } from '@bpm/auth';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { performanceGoalDecider, performanceGoalStreamId } from '../../domain';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';

/** The review workflow's timers: a reminder before the deadline, and the deadline passing. */
export class RecordReviewDeadline {
  constructor(
    readonly projectId: string,
    readonly kind: 'reminder' | 'overdue',
    readonly reviewRound: number,
    readonly dueAt: string,
    readonly acting: RequestActor,
  ) {}
}

@CommandHandler(RecordReviewDeadline)
export class RecordReviewDeadlineHandler implements ICommandHandler<RecordReviewDeadline> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ projectId, kind, reviewRound, dueAt, acting }: RecordReviewDeadline) {
    const system = { ...acting, actor: { userId: acting.actor.userId, role: 'system' as const } };
    await this.streams.execute(
      performanceGoalDecider,
      performanceGoalStreamId(projectId),
      { type: 'RecordReviewDeadline', data: { projectId, kind, reviewRound, dueAt, actor: system.actor, at: acting.at } },
      system,
    );
  }
}

@Controller('internal/goals')
export class RecordReviewDeadlineController {
  constructor(private readonly commands: CommandBus) {}
  /** The review workflow's timers only; the orchestrator acts as itself (role system). */
  @Post(':projectId/review-events')
  @AcceptFrom('orchestrator')
  @HttpCode(204)
  async record(
    @Param('projectId') projectId: string,
    @Body() body: { kind: 'reminder' | 'overdue'; reviewRound: number; dueAt: string },
    @Acting() acting: RequestActor,
  ) {
    await this.commands.execute(new RecordReviewDeadline(projectId, body.kind, body.reviewRound, body.dueAt, acting));
  }
}
