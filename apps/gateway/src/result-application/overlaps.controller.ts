import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, path } from '../goal-declaration';
import { ResultApplicationClient } from './result-application.client';

const anyObject = { schema: { type: 'object', additionalProperties: true } };

/** 交叉重复、碎片化: candidates across units for the finance admin; units see none (they span units). */
@ApiTags('结果应用：交叉重复')
@ForwardsToGoalDeclaration()
@Controller('overlaps')
export class OverlapsController {
  constructor(private readonly upstream: ResultApplicationClient) {}

  @Get()
  @ApiOkResponse({ description: '成功', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '交叉重复、碎片化候选项目' })
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: Record<string, string | undefined>) {
    return this.upstream.get(actor, '/internal/overlaps', query);
  }

  @Post('scan')
  @ApiCreatedResponse({ description: '已受理', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-admin')
  @ApiOperation({ summary: '比对同年度各单位项目（名称、总体目标、指标的字符相似度）' })
  @ApiBody(anyObject)
  @ApiProblems(422)
  scan(@CurrentActor() actor: AuthenticatedActor, @Body() body: Record<string, unknown>) {
    return this.upstream.post(actor, '/internal/overlaps/scan', body);
  }

  @Post(':candidateId/decision')
  @ApiOkResponse({ description: '成功', schema: { type: 'object', additionalProperties: true } })
  @HttpCode(200)
  @Roles('finance-admin')
  @ApiOperation({ summary: '确认或排除交叉重复' })
  @ApiBody(anyObject)
  @ApiProblems(404, 409, 422)
  decide(@CurrentActor() actor: AuthenticatedActor, @Param('candidateId') candidateId: string, @Body() body: Record<string, unknown>) {
    return this.upstream.post(actor, path`/internal/overlaps/${candidateId}/decision`, body);
  }
}
