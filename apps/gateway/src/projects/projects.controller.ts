import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@bpm/http';
import { AuthenticatedActor, CurrentActor, Roles, assertUnitScope, unitFilterFor } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, GoalDeclarationClient } from '../goal-declaration';
import { ProjectListQuery, ProjectRegisteredDto, RegisterProjectDto } from './project.dto';

/** 项目登记与项目列表: a unit registers and lists its own unit's projects only. */
@ApiTags('项目与绩效目标')
@ForwardsToGoalDeclaration()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly goals: GoalDeclarationClient) {}

  @Get()
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '项目列表', description: '按名称或编码查询，服务端分页；单位用户只能看到本单位的项目。每个项目附其绩效目标的状态。' })
  @ApiOkResponse({ description: '分页的项目（含绩效目标状态）', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(400)
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: ProjectListQuery): Promise<Page<unknown>> {
    const unitId = unitFilterFor(actor, query.unitId);
    return this.goals.get(actor, '/internal/goals', { ...query, unitId });
  }

  @Post()
  @Roles('unit')
  @ApiOperation({ summary: '登记项目（预算单位）', description: '预算单位固定为当前用户所属单位；项目编码由系统生成并在应答中返回。' })
  @ApiCreatedResponse({ type: ProjectRegisteredDto })
  @ApiProblems(400, 409, 422)
  register(@CurrentActor() actor: AuthenticatedActor, @Body() body: RegisterProjectDto): Promise<ProjectRegisteredDto> {
    const unitId = actor.unit ?? '';
    if (body.project.unitId !== undefined) assertUnitScope(actor, body.project.unitId);
    return this.goals.post(actor, '/internal/projects', { project: { ...body.project, unitId } });
  }
}
