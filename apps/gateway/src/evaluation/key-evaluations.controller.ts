import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import { ApiProblems } from '../goal-declaration/api-docs';
import { path } from '../goal-declaration/goal-declaration.client';
import { ForwardsToEvaluation, anyObject } from './api-docs';
import { EvaluationAccess } from './evaluation-access';
import { EvaluationClient } from './evaluation.client';
import { AssignDto, CandidatesQuery, DraftDto, KeyEvaluationListQuery, MilestoneDto, ReviewDto, SelectDto } from './evaluation.dto';

/**
 * 重点评价: finance selects and assigns; the assigned agency or expert carries it out (an
 * evaluator's token names its agency or expert id as `unit`); finance reviews the draft.
 */
@ApiTags('重点评价')
@ForwardsToEvaluation()
@Controller('key-evaluations')
export class KeyEvaluationsController {
  constructor(private readonly evaluation: EvaluationClient, private readonly access: EvaluationAccess) {}

  @Get('candidates')
  @Roles('finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '重点评价备选项目', description: '按金额（元）、预算类型、项目类型和上年度自评等级筛选。' })
  @ApiOkResponse({ description: '备选项目', ...anyObject })
  candidates(@CurrentActor() actor: AuthenticatedActor, @Query() query: CandidatesQuery) {
    return this.evaluation.get(actor, '/internal/key-evaluations/candidates', { ...query });
  }

  @Get()
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor', 'evaluator')
  @ApiOperation({ summary: '重点评价列表', description: '第三方只能看到委托给本机构（本人）的评价，单位只能看到本单位的。' })
  @ApiOkResponse({ description: '重点评价', ...anyObject })
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: KeyEvaluationListQuery) {
    return this.evaluation.get(actor, '/internal/key-evaluations', { ...query });
  }

  @Get(':projectId')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor', 'evaluator')
  @ApiOperation({ summary: '查看重点评价', description: '状态、里程碑、指标体系评分、结果与变更历史。' })
  @ApiProblems(404)
  @ApiOkResponse({ description: '结果', ...anyObject })
  get(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string) {
    return this.access.keyEvaluation(actor, projectId);
  }

  @Post(':projectId/selection')
  @Roles('finance-admin')
  @ApiOperation({ summary: '选定重点评价项目' })
  @ApiProblems(400, 404, 409, 422)
  @ApiCreatedResponse({ description: '已创建', ...anyObject })
  select(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Body() body: SelectDto) {
    return this.evaluation.post(actor, path`/internal/key-evaluations/${projectId}/selection`, body);
  }

  @Post(':projectId/assignment')
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '委托第三方机构和专家', description: '与被评价单位有关联或已被暂停的，不予委托。' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  assign(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Body() body: AssignDto) {
    return this.evaluation.post(actor, path`/internal/key-evaluations/${projectId}/assignment`, body);
  }

  @Post(':projectId/milestones')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOperation({ summary: '提交里程碑（工作方案、现场评价）' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  async milestone(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Body() body: MilestoneDto) {
    await this.access.keyEvaluation(actor, projectId);
    return this.evaluation.post(actor, path`/internal/key-evaluations/${projectId}/milestones`, body);
  }

  @Post(':projectId/draft')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOperation({ summary: '提交评价报告初稿', description: '决策、过程、产出、效益三级指标评分，得分与等级由系统计算。' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  async draft(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Body() body: DraftDto) {
    await this.access.keyEvaluation(actor, projectId);
    return this.evaluation.post(actor, path`/internal/key-evaluations/${projectId}/draft`, body);
  }

  @Post(':projectId/review')
  @HttpCode(200)
  @Roles('finance-reviewer')
  @ApiOperation({ summary: '财政审核报告初稿' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  review(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Body() body: ReviewDto) {
    return this.evaluation.post(actor, path`/internal/key-evaluations/${projectId}/review`, body);
  }

  @Post(':projectId/final-report')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOperation({ summary: '出具正式报告' })
  @ApiProblems(404, 409)
  @ApiOkResponse({ description: '结果', ...anyObject })
  async final(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string) {
    await this.access.keyEvaluation(actor, projectId);
    return this.evaluation.post(actor, path`/internal/key-evaluations/${projectId}/final-report`);
  }
}
