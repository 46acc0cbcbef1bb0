import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles, assertUnitScope } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, GoalDeclarationClient } from '../goal-declaration';
import { ProjectRegisteredDto, RegisterProjectDto } from './project.dto';

/** 项目登记: a unit registers its own unit's projects only. */
@ApiTags('项目与绩效目标')
@ForwardsToGoalDeclaration()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly goals: GoalDeclarationClient) {}

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
