import { DataSource } from 'typeorm';
import { ProblemException } from '@bpm/http';
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
  constructor(
    private readonly streams: StreamCommands,
    private readonly db: DataSource,
  ) {}
  async execute({ noticeId, application, acting }: ApplyForSupplementalFunds) {
    await refuseIfAllocationRestricted(this.db, application.projectId);
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

const MODE_LABELS: Record<string, string> = { suspend: '暂缓拨款', stop: '停止拨款' };

/** No money while monitoring has the project's allocation suspended or stopped (纠偏): the refusal names the case. */
async function refuseIfAllocationRestricted(db: DataSource, projectId: string): Promise<void> {
  const [r]: { caseId: string; mode: string; reason: string; since: Date }[] = await db.query(
    `select "caseId", mode, reason, since from goal_declaration.allocation_restriction where "projectId" = $1 order by since limit 1`,
    [projectId],
  );
  if (!r) return;
  const since = new Date(r.since).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
  throw new ProblemException(
    422,
    'ALLOCATION_RESTRICTED',
    `项目“${projectId}”因纠偏事项“${r.caseId}”自${since}起被财政部门${MODE_LABELS[r.mode] ?? '限制拨款'}（原因：${r.reason}），在财政部门解除前不能申请追加资金`,
    { title: '拨款已被限制' },
  );
}
