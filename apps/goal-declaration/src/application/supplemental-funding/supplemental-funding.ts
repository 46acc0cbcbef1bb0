import { randomUUID } from 'node:crypto';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  goalSnapshot,
  performanceGoalDecider,
  performanceGoalStreamId,
  SupplementalFunding,
  supplementalFundingDecider,
  supplementalFundingStreamId,
} from '../../domain';
import { regionSettings } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';

type NoticeBody = Omit<SupplementalFunding.IssueFundNotice['data'], 'actor' | 'at' | 'noticeId' | 'region'> & { noticeId?: string; region?: string };

/** 资金到位通知单: the fund notice travels with the upper level's goal table. */
export class IssueFundNotice {
  constructor(readonly notice: NoticeBody, readonly acting: RequestActor) {}
}
/** 追加资金申请: refused unless the project's approved goal table goes with it. */
export class ApplyForSupplementalFunds {
  constructor(
    readonly noticeId: string,
    readonly application: { applicationId?: string; projectId: string; amount: number; purpose: string },
    readonly acting: RequestActor,
  ) {}
}

@CommandHandler(IssueFundNotice)
export class IssueFundNoticeHandler implements ICommandHandler<IssueFundNotice> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ notice, acting }: IssueFundNotice) {
    const noticeId = notice.noticeId ?? randomUUID();
    await this.streams.execute(
      supplementalFundingDecider,
      supplementalFundingStreamId(noticeId),
      { type: 'IssueFundNotice', data: { region: regionSettings().region, ...notice, noticeId, actor: acting.actor, at: acting.at } },
      acting,
    );
    return { noticeId };
  }
}

@CommandHandler(ApplyForSupplementalFunds)
export class ApplyForSupplementalFundsHandler implements ICommandHandler<ApplyForSupplementalFunds> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ noticeId, application, acting }: ApplyForSupplementalFunds) {
    const goal = await this.streams.load(performanceGoalDecider, performanceGoalStreamId(application.projectId));
    const applicationId = application.applicationId ?? randomUUID();
    await this.streams.execute(
      supplementalFundingDecider,
      supplementalFundingStreamId(noticeId),
      {
        type: 'ApplyForSupplementalFunds',
        data: { ...application, noticeId, applicationId, goal: goalSnapshot(goal.state), actor: acting.actor, at: acting.at },
      },
      acting,
    );
    return { noticeId, applicationId };
  }
}

@Controller('internal/fund-notices')
export class SupplementalFundingController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  issue(@Body() body: { notice: NoticeBody }, @Acting() acting: RequestActor) {
    return this.commands.execute(new IssueFundNotice(body.notice, acting));
  }

  @Post(':noticeId/applications')
  apply(@Param('noticeId') noticeId: string, @Body() body: ApplyForSupplementalFunds['application'], @Acting() acting: RequestActor) {
    return this.commands.execute(new ApplyForSupplementalFunds(noticeId, body, acting));
  }
}
