import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, GoalAccess, GoalDeclarationClient, path } from '../goal-declaration';
import { ApplyForFundsDto, IssueFundNoticeDto } from './fund-notice.dto';
import { NoticeParams } from '../common/dto';

/** 追加资金: finance issues the notice with the upper level's goals; units apply with their own. */
@ApiTags('追加资金')
@ForwardsToGoalDeclaration()
@Controller('fund-notices')
export class FundNoticesController {
  constructor(
    private readonly goals: GoalDeclarationClient,
    private readonly access: GoalAccess,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: '通知单编号', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-admin')
  @ApiOperation({ summary: '下达追加资金通知' })
  @ApiProblems(400, 409, 422)
  issue(@CurrentActor() actor: AuthenticatedActor, @Body() body: IssueFundNoticeDto): Promise<unknown> {
    return this.goals.post(actor, '/internal/fund-notices', body);
  }

  @Post(':noticeId/applications')
  @ApiCreatedResponse({ description: '申请编号', schema: { type: 'object', additionalProperties: true } })
  @Roles('unit')
  @ApiOperation({ summary: '申请追加资金（须附本单位项目的绩效目标表）' })
  @ApiProblems(400, 404, 409, 422)
  async apply(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { noticeId }: NoticeParams,
    @Body() body: ApplyForFundsDto,
  ): Promise<unknown> {
    await this.access.load(actor, body.projectId);
    return this.goals.post(actor, path`/internal/fund-notices/${noticeId}/applications`, body);
  }
}
