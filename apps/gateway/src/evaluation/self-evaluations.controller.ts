import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import { ApiProblems } from '../goal-declaration/api-docs';
import { path } from '../goal-declaration/goal-declaration.client';
import { ForwardsToEvaluation, anyObject } from './api-docs';
import { EvaluationAccess } from './evaluation-access';
import { EvaluationClient } from './evaluation.client';
import { FillSelfEvaluationDto, FiscalYearParams, ReviewSelfEvaluationDto } from './evaluation.dto';

const readers = ['unit', 'finance-reviewer', 'finance-admin', 'auditor'] as const;

/** 单位自评: opened by finance (or the annual cycle), filled and submitted by the unit, reviewed by finance. */
@ApiTags('单位自评')
@ForwardsToEvaluation()
@Controller('self-evaluations')
export class SelfEvaluationsController {
  constructor(private readonly evaluation: EvaluationClient, private readonly access: EvaluationAccess) {}

  @Post('years/:fiscalYear/opening')
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '开启年度单位自评', description: '为该年度每个绩效目标已批复的项目开启自评，已开启的不重复开启。' })
  @ApiOkResponse({ description: '开启、已开启与未能开启的项目数', ...anyObject })
  openYear(@CurrentActor() actor: AuthenticatedActor, @Param() params: FiscalYearParams) {
    return this.evaluation.post(actor, path`/internal/self-evaluations/years/${params.fiscalYear}/opening`);
  }

  @Post(':projectId/opening')
  @Roles('finance-admin')
  @ApiOperation({ summary: '开启项目单位自评', description: '按已批复的绩效目标、预算执行数据和最近一期监控数据预填。' })
  @ApiProblems(404, 409, 422)
  @ApiCreatedResponse({ description: '已创建', ...anyObject })
  open(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string) {
    return this.evaluation.post(actor, path`/internal/self-evaluations/${projectId}/opening`);
  }

  @Get(':projectId')
  @Roles(...readers)
  @ApiOperation({ summary: '查看单位自评', description: '预填数据（含来源事件）、填报内容、状态、标记与变更历史。' })
  @ApiOkResponse({ description: '单位自评', ...anyObject })
  @ApiProblems(404)
  get(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string) {
    return this.access.selfEvaluation(actor, projectId);
  }

  @Post(':projectId/form')
  @HttpCode(200)
  @Roles('unit')
  @ApiOperation({ summary: '填报单位自评', description: '确认或更正实际值（更正须说明理由），填写未达目标的原因并标明客观或主观。' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  async fill(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Body() body: FillSelfEvaluationDto) {
    await this.access.selfEvaluation(actor, projectId);
    return this.evaluation.post(actor, path`/internal/self-evaluations/${projectId}/form`, body);
  }

  @Post(':projectId/submission')
  @HttpCode(200)
  @Roles('unit')
  @ApiOperation({ summary: '提交单位自评', description: '得分由系统计算；偏离监控或执行数据、只列客观原因的自评会被标记。' })
  @ApiProblems(404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  async submit(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string) {
    await this.access.selfEvaluation(actor, projectId);
    return this.evaluation.post(actor, path`/internal/self-evaluations/${projectId}/submission`);
  }

  @Post(':projectId/review')
  @HttpCode(200)
  @Roles('finance-reviewer')
  @ApiOperation({ summary: '审核单位自评', description: '通过（可对定性指标评分，须在其等级区间内）或退回（须填写意见）。' })
  @ApiProblems(400, 404, 409, 422)
  @ApiOkResponse({ description: '结果', ...anyObject })
  review(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Body() body: ReviewSelfEvaluationDto) {
    return this.evaluation.post(actor, path`/internal/self-evaluations/${projectId}/review`, body);
  }

  @Get(':projectId/score')
  @Roles(...readers)
  @ApiOperation({ summary: '得分说明', description: '每个指标的目标值、实际值、方向、权重、适用规则、得分，以及提供每项数据的事件（流、版本、哈希）。' })
  @ApiOkResponse({ description: '得分推导', ...anyObject })
  @ApiProblems(404, 422)
  async score(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string) {
    await this.access.selfEvaluation(actor, projectId);
    return this.evaluation.get(actor, path`/internal/self-evaluations/${projectId}/score`);
  }

  @Get(':projectId/grade')
  @Roles(...readers)
  @ApiOperation({ summary: '等级说明', description: '总分、各部分得分、等级分数线与评定规则，及其来源事件。' })
  @ApiOkResponse({ description: '等级推导', ...anyObject })
  @ApiProblems(404, 422)
  async grade(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string) {
    await this.access.selfEvaluation(actor, projectId);
    return this.evaluation.get(actor, path`/internal/self-evaluations/${projectId}/grade`);
  }
}
