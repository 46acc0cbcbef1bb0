import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { performanceGoalDecider, performanceGoalStreamId, requireRegistered } from '../../domain';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { IfMatch, etagOf, type HasHeaders } from '../../infrastructure/versioning';

/** 调整申请: the only way an approved goal changes; it then goes through review again. */
export class RequestGoalAdjustment {
  constructor(readonly projectId: string, readonly reason: string, readonly acting: RequestActor, readonly ifMatch?: number) {}
}

@CommandHandler(RequestGoalAdjustment)
export class RequestGoalAdjustmentHandler implements ICommandHandler<RequestGoalAdjustment> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ projectId, reason, acting, ifMatch }: RequestGoalAdjustment) {
    const result = await this.streams.execute(
      performanceGoalDecider,
      performanceGoalStreamId(projectId),
      { type: 'RequestGoalAdjustment', data: { projectId, reason, actor: acting.actor, at: acting.at } },
      acting,
      ifMatch,
    );
    return { projectId, status: result.state.status, reviewRound: requireRegistered(result.state, projectId).reviewRound, streamVersion: result.version };
  }
}

@Controller('internal/goals')
export class RequestGoalAdjustmentController {
  constructor(private readonly commands: CommandBus) {}
  @Post(':projectId/adjustment-requests')
  @HttpCode(200)
  async request(
    @Param('projectId') projectId: string,
    @Body() body: { reason: string },
    @Acting() acting: RequestActor,
    @IfMatch() ifMatch: number | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ) {
    const result = await this.commands.execute(new RequestGoalAdjustment(projectId, body.reason, acting, ifMatch));
    res.setHeader('ETag', etagOf(result.streamVersion));
    return result;
  }
}
