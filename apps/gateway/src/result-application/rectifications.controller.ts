import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ProblemException } from '@bpm/http';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles, canAccessUnit, unitFilterFor } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, UpstreamProblemException, path } from '../goal-declaration';
import { ResultApplicationClient } from './result-application.client';
import { RectificationVerifications } from './rectification-verifications';

const anyObject = { schema: { type: 'object', additionalProperties: true } };
type Listed = { unitId: string };

/** The one answer for "no such case" and "another unit's case": a unit learns nothing of others. */
const caseNotFound = () => new ProblemException(404, 'RECTIFICATION_NOT_FOUND', '未找到该整改事项');

/** 整改: finance issues results with requirements, units answer, finance verifies through the workflow. */
@ApiTags('结果应用：整改')
@ForwardsToGoalDeclaration()
@Controller('rectifications')
export class RectificationsController {
  constructor(private readonly upstream: ResultApplicationClient, private readonly verifications: RectificationVerifications) {}

  @Get()
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '整改事项列表', description: '按状态、单位、年度筛选，最早到期在前；单位用户只能看到本单位的整改事项。' })
  @ApiOkResponse({ description: '分页的整改事项', ...anyObject })
  list(@CurrentActor() actor: AuthenticatedActor, @Query() query: Record<string, string | undefined>) {
    return this.upstream.get(actor, '/internal/rectifications', { ...query, unitId: unitFilterFor(actor, query['unitId']) });
  }

  @Get('open-requirements')
  @ApiOkResponse({ description: '成功', schema: { type: 'object', additionalProperties: true } })
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '待办整改要求', description: '某单位尚未核实的整改要求及期限。' })
  openRequirements(@CurrentActor() actor: AuthenticatedActor, @Query('unitId') unitId?: string) {
    return this.upstream.get(actor, '/internal/rectifications/open-requirements', { unitId: unitFilterFor(actor, unitId) });
  }

  /** Loads the case as the actor; another unit's answers exactly as a missing one. */
  private async ownCase(actor: AuthenticatedActor, caseId: string): Promise<Listed> {
    let record: Listed;
    try {
      record = await this.upstream.get<Listed>(actor, path`/internal/rectifications/${caseId}`);
    } catch (error) {
      if (error instanceof UpstreamProblemException && error.status === 404) throw caseNotFound();
      throw error;
    }
    if (!canAccessUnit(actor, record.unitId)) throw caseNotFound();
    return record;
  }

  @Get(':caseId')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '查看整改事项' })
  @ApiOkResponse({ description: '整改事项及各项要求的答复与核实情况', ...anyObject })
  @ApiProblems(404, 422)
  get(@CurrentActor() actor: AuthenticatedActor, @Param('caseId') caseId: string) {
    return this.ownCase(actor, caseId);
  }

  @Post()
  @ApiCreatedResponse({ description: '已受理', schema: { type: 'object', additionalProperties: true } })
  @Roles('finance-reviewer')
  @ApiOperation({ summary: '下达评价结果和整改要求' })
  @ApiBody(anyObject)
  @ApiProblems(409, 422)
  issue(@CurrentActor() actor: AuthenticatedActor, @Body() body: Record<string, unknown>) {
    return this.upstream.post(actor, '/internal/rectifications', body);
  }

  @Post(':caseId/requirements/:requirementId/answers')
  @ApiCreatedResponse({ description: '已受理', schema: { type: 'object', additionalProperties: true } })
  @Roles('unit')
  @ApiOperation({ summary: '答复整改要求（整改措施）', description: '只能答复本单位的整改事项。' })
  @ApiBody(anyObject)
  @ApiProblems(404, 409, 422)
  async answer(@CurrentActor() actor: AuthenticatedActor, @Param('caseId') caseId: string, @Param('requirementId') requirementId: string, @Body() body: Record<string, unknown>) {
    await this.ownCase(actor, caseId);
    return this.upstream.post(actor, path`/internal/rectifications/${caseId}/requirements/${requirementId}/answer`, body);
  }

  @Post(':caseId/requirements/:requirementId/decision')
  @ApiOkResponse({ description: '成功', schema: { type: 'object', additionalProperties: true } })
  @HttpCode(200)
  @Roles('finance-reviewer')
  @ApiOperation({ summary: '核实整改措施（通过或退回）', description: '经整改流程记录；退回须填写意见。' })
  @ApiBody(anyObject)
  @ApiProblems(404, 409, 422, 503)
  verify(@CurrentActor() actor: AuthenticatedActor, @Param('caseId') caseId: string, @Param('requirementId') requirementId: string, @Body() body: Record<string, unknown>) {
    const decision = body['decision'];
    if (decision !== 'accept' && decision !== 'send-back') throw new ProblemException(422, 'DECISION_INVALID', '核实结论应为“通过”（accept）或“退回”（send-back）');
    const comments = typeof body['comments'] === 'string' ? body['comments'] : undefined;
    return this.verifications.verify(caseId, { requirementId, decision, ...(comments ? { comments } : {}), actor: { id: actor.id, role: actor.role } });
  }
}
