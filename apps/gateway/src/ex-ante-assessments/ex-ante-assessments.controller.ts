import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, GoalDeclarationClient, path } from '../goal-declaration';
import { CompleteExAnteAssessmentDto, StartExAnteAssessmentDto } from './ex-ante.dto';
import { AssessmentParams } from '../common/dto';

/** 事前绩效评估: opened and completed by finance reviewers. */
@ApiTags('事前绩效评估')
@ForwardsToGoalDeclaration()
@Roles('finance-reviewer')
@Controller('ex-ante-assessments')
export class ExAnteAssessmentsController {
  constructor(private readonly goals: GoalDeclarationClient) {}

  @Post()
  @ApiCreatedResponse({ description: '评估编号与项目编码', schema: { type: 'object', additionalProperties: true } })
  @ApiOperation({ summary: '发起事前绩效评估' })
  @ApiProblems(400, 404, 409, 422)
  start(@CurrentActor() actor: AuthenticatedActor, @Body() body: StartExAnteAssessmentDto): Promise<unknown> {
    return this.goals.post(actor, '/internal/ex-ante-assessments', body);
  }

  @Post(':assessmentId/completion')
  @ApiOkResponse({ description: '评估结论与得分', schema: { type: 'object', additionalProperties: true } })
  @HttpCode(200)
  @ApiOperation({ summary: '完成事前绩效评估（评分、结论与意见）' })
  @ApiProblems(400, 404, 409, 422)
  complete(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() { assessmentId }: AssessmentParams,
    @Body() body: CompleteExAnteAssessmentDto,
  ): Promise<unknown> {
    return this.goals.post(actor, path`/internal/ex-ante-assessments/${assessmentId}/completion`, body);
  }
}
