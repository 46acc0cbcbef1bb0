import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles, unitFilterFor } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, path } from '../goal-declaration';
import { ResultApplicationClient } from './result-application.client';

const anyObject = { schema: { type: 'object', additionalProperties: true } };

/** 预算安排: proposals for next year from grades and open cases; the finance admin decides and exports. */
@ApiTags('结果应用：预算安排')
@ForwardsToGoalDeclaration()
@Controller('budget-proposals')
export class BudgetProposalsController {
  constructor(private readonly upstream: ResultApplicationClient) {}

  @Get()
  @ApiOkResponse({ description: '成功', schema: { type: 'object', additionalProperties: true } })
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '下年度预算安排建议表', description: '含按等级的合计；单位用户只能看到本单位的建议。' })
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: Record<string, string | undefined>) {
    return this.upstream.get(actor, '/internal/budget-proposals', { ...query, unitId: unitFilterFor(actor, query['unitId']) });
  }

  @Post('generation')
  @ApiCreatedResponse({ description: '已受理', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-admin')
  @ApiOperation({ summary: '生成预算安排建议', description: '依据评价等级、未整改事项和预算执行数据。' })
  @ApiBody(anyObject)
  @ApiProblems(422)
  generate(@CurrentActor() actor: AuthenticatedActor, @Body() body: Record<string, unknown>) {
    return this.upstream.post(actor, '/internal/budget-proposals/generate', body);
  }

  @Post(':fiscalYear/:projectId/decision')
  @ApiOkResponse({ description: '成功', schema: { type: 'object', additionalProperties: true } })
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '审定预算安排建议（采纳、调整并说明理由、不采纳）' })
  @ApiBody(anyObject)
  @ApiProblems(404, 409, 422)
  decide(@CurrentActor() actor: AuthenticatedActor, @Param('fiscalYear') fiscalYear: string, @Param('projectId') projectId: string, @Body() body: Record<string, unknown>) {
    return this.upstream.post(actor, path`/internal/budget-proposals/${fiscalYear}/${projectId}/decision`, body);
  }

  @Get('export')
  @Roles('finance-admin')
  @ApiOperation({ summary: '导出已采纳的预算安排（.xlsx 或 JSON）', description: '每次导出都记为一个事件。' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/json')
  @ApiProblems(409, 422)
  async export(@CurrentActor() actor: AuthenticatedActor, @Query('fiscalYear') fiscalYear: string, @Query('format') format: string | undefined, @Res() res: Response) {
    const file = await this.upstream.download(actor, '/internal/budget-proposals/export', { fiscalYear, format });
    res.setHeader('content-type', file.contentType);
    for (const header of ['content-disposition', 'x-export-id']) {
      const value = file.headers.get(header);
      if (value) res.setHeader(header, value);
    }
    res.status(200).send(file.body);
  }
}
