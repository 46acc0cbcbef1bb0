import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@bpm/http';
import { AuthenticatedActor, CurrentActor, Roles, unitFilterFor } from '../auth';
import {
  ApiProblems,
  ForwardsToGoalDeclaration,
  GoalAccess,
  GoalDeclarationClient,
  GoalView,
  IfMatchHeader,
  path,
  relayEtag,
  type HasHeaders,
} from '../goal-declaration';
import { AdjustmentRequestDto, DeclareGoalDto, GoalListQuery } from './goal.dto';
import { ProjectParams } from '../common/dto';

const anyObject = { schema: { type: 'object', additionalProperties: true } };

/**
 * 绩效目标: units declare, submit and ask to adjust their own goals; finance and auditors read.
 * GET answers with the goal's ETag; a change sent with If-Match is made only on that version (412).
 */
@ApiTags('项目与绩效目标')
@ForwardsToGoalDeclaration()
@Controller('goals')
export class GoalsController {
  constructor(
    private readonly goals: GoalDeclarationClient,
    private readonly access: GoalAccess,
  ) {}

  @Get()
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '绩效目标列表', description: '单位用户只能看到本单位的绩效目标。' })
  @ApiOkResponse({ description: '分页的绩效目标摘要', ...anyObject })
  @ApiProblems(400)
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: GoalListQuery): Promise<Page<unknown>> {
    const unitId = unitFilterFor(actor, query.unitId);
    return this.goals.get(actor, '/internal/goals', { ...query, unitId });
  }

  @Get(':projectId')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '查看绩效目标' })
  @ApiOkResponse({ description: '绩效目标（状态、版本、目标表、批复内容）', ...anyObject })
  @ApiProblems(404)
  async get(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { projectId }: ProjectParams,
    @Res({ passthrough: true }) res: HasHeaders,
  ): Promise<GoalView> {
    const { body, etag } = await this.access.read(actor, projectId);
    relayEtag(res, etag);
    return body;
  }

  @Put(':projectId/declaration')
  @Roles('unit')
  @ApiOperation({ summary: '填报（修改）绩效目标表' })
  @ApiOkResponse({ description: '新的目标表版本', ...anyObject })
  @ApiProblems(400, 404, 409, 412, 422)
  async declare(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { projectId }: ProjectParams,
    @Body() body: DeclareGoalDto,
    @IfMatchHeader() ifMatch: string | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ): Promise<unknown> {
    await this.access.load(actor, projectId);
    const answer = await this.goals.exchange('PUT', actor, path`/internal/goals/${projectId}/declaration`, { body, ifMatch });
    relayEtag(res, answer.etag);
    return answer.body;
  }

  @Post(':projectId/submission')
  @HttpCode(200)
  @Roles('unit')
  @ApiOperation({ summary: '提交绩效目标审核' })
  @ApiOkResponse({ description: '审核轮次、提交次数与版本', ...anyObject })
  @ApiProblems(404, 409, 412, 422)
  async submit(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { projectId }: ProjectParams,
    @IfMatchHeader() ifMatch: string | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ): Promise<unknown> {
    await this.access.load(actor, projectId);
    const answer = await this.goals.exchange('POST', actor, path`/internal/goals/${projectId}/submission`, { body: {}, ifMatch });
    relayEtag(res, answer.etag);
    return answer.body;
  }

  @Post(':projectId/adjustment-requests')
  @ApiOkResponse({ description: '调整申请已受理', schema: { type: 'object', additionalProperties: true } })
  @HttpCode(200)
  @Roles('unit')
  @ApiOperation({ summary: '申请调整已批复的绩效目标' })
  @ApiProblems(400, 404, 409, 412, 422)
  async requestAdjustment(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { projectId }: ProjectParams,
    @Body() body: AdjustmentRequestDto,
    @IfMatchHeader() ifMatch: string | undefined,
    @Res({ passthrough: true }) res: HasHeaders,
  ): Promise<unknown> {
    await this.access.load(actor, projectId);
    const answer = await this.goals.exchange('POST', actor, path`/internal/goals/${projectId}/adjustment-requests`, { body, ifMatch });
    relayEtag(res, answer.etag);
    return answer.body;
  }
}
