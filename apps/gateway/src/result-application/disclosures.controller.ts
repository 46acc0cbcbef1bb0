import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException } from '@bpm/http';
import { AuthenticatedActor, CurrentActor, Public, Roles, canAccessUnit, unitFilterFor } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, path } from '../goal-declaration';
import { PUBLIC_READER, ResultApplicationClient } from './result-application.client';

const anyObject = { schema: { type: 'object', additionalProperties: true } };

/** 公开审核: the unit proposes, finance approves (with redactions and their legal basis) and publishes. */
@ApiTags('结果应用：信息公开')
@ForwardsToGoalDeclaration()
@Controller('disclosures')
export class DisclosuresController {
  constructor(private readonly upstream: ResultApplicationClient) {}

  @Get()
  @ApiOkResponse({ description: '成功', schema: { type: 'object', additionalProperties: true } })
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '公开申请列表' })
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: Record<string, string | undefined>) {
    return this.upstream.get(actor, '/internal/disclosures', { ...query, unitId: unitFilterFor(actor, query['unitId']) });
  }

  @Post()
  @ApiCreatedResponse({ description: '已受理', schema: { type: 'object', additionalProperties: true } })
  @Roles('unit')
  @ApiOperation({ summary: '提出公开申请（已批复的绩效目标或已确定的评价结果）', description: '只能为本单位的记录提出。' })
  @ApiBody(anyObject)
  @ApiProblems(404, 409, 422)
  propose(@CurrentActor() actor: AuthenticatedActor, @Body() body: Record<string, unknown>) {
    const record = body['record'] as { unitId?: unknown } | undefined;
    // Another unit's record answers as a missing one, as result-application's domain does.
    if (!canAccessUnit(actor, typeof record?.unitId === 'string' ? record.unitId : '')) throw new ProblemException(404, 'RECORD_NOT_FOUND', '未找到该绩效目标或评价结果');
    return this.upstream.post(actor, '/internal/disclosures', body);
  }

  @Post(':disclosureId/approval')
  @ApiCreatedResponse({ description: '已受理', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-reviewer', 'finance-admin')
  @ApiOperation({ summary: '审核通过公开申请（可删减字段，须注明法律依据）' })
  @ApiBody(anyObject)
  @ApiProblems(404, 409, 422)
  approve(@CurrentActor() actor: AuthenticatedActor, @Param('disclosureId') id: string, @Body() body: Record<string, unknown>) {
    return this.upstream.post(actor, path`/internal/disclosures/${id}/approval`, body);
  }

  @Post(':disclosureId/rejection')
  @ApiCreatedResponse({ description: '已受理', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-reviewer', 'finance-admin')
  @ApiOperation({ summary: '不予公开（须说明理由）' })
  @ApiBody(anyObject)
  @ApiProblems(404, 409, 422)
  reject(@CurrentActor() actor: AuthenticatedActor, @Param('disclosureId') id: string, @Body() body: Record<string, unknown>) {
    return this.upstream.post(actor, path`/internal/disclosures/${id}/rejection`, body);
  }

  @Post(':disclosureId/publication')
  @ApiCreatedResponse({ description: '已受理', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-reviewer', 'finance-admin')
  @ApiOperation({ summary: '发布已审核通过的公开信息' })
  @ApiProblems(404, 409, 422)
  publish(@CurrentActor() actor: AuthenticatedActor, @Param('disclosureId') id: string) {
    return this.upstream.post(actor, path`/internal/disclosures/${id}/publication`, {});
  }
}

/** 公开: anyone, no token; only what was disclosed, redacted. */
@ApiTags('信息公开（无需登录）')
@ForwardsToGoalDeclaration()
@Public()
@Controller('public/disclosures')
export class PublicDisclosuresController {
  constructor(private readonly upstream: ResultApplicationClient) {}

  @Get()
  @ApiOkResponse({ description: '成功', schema: { type: 'object', additionalProperties: true } })
  @ApiOperation({ summary: '已公开的绩效目标和评价结果' })
  list(@Query('page') page?: string, @Query('pageSize') pageSize?: string) {
    return this.upstream.get(PUBLIC_READER, '/public/disclosures', { page, pageSize });
  }

  @Get(':disclosureId')
  @ApiOperation({ summary: '查看一条公开信息' })
  @ApiOkResponse({ description: '已公开的信息（按公开审核的删减处理）', ...anyObject })
  @ApiProblems(404)
  get(@Param('disclosureId') id: string) {
    return this.upstream.get(PUBLIC_READER, path`/public/disclosures/${id}`);
  }
}

/** 审计: the history of any result-application record, for auditors and the finance admin. */
@ApiTags('审计')
@ForwardsToGoalDeclaration()
@Controller('audit/result-application')
export class ResultHistoryController {
  constructor(private readonly upstream: ResultApplicationClient) {}

  @Get(':category/:id/history')
  @ApiOkResponse({ description: '成功', schema: { type: 'object', additionalProperties: true } })
  @Roles('auditor', 'finance-admin')
  @ApiOperation({ summary: '结果应用记录的变更历史（整改、预算安排、交叉重复、公开）' })
  @ApiProblems(404)
  history(@CurrentActor() actor: AuthenticatedActor, @Param('category') category: string, @Param('id') id: string) {
    return this.upstream.get(actor, path`/internal/history/${category}/${id}`);
  }
}
