import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { BEARER_AUTH_NAME, currentRequestContext } from '@bpm/http';
import type { Actor } from '@bpm/contracts';
import type { AnnualCycleStatus } from '@bpm/workflows';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import { ApiProblems } from '../goal-declaration';
import { AnnualCycles, type StartedCycle } from './annual-cycles';
import { CycleParams, DeadlineExtensionDto, PhaseAdvanceDto, StartCycleDto } from './cycle.dto';

// Who acts is the verified token's person, never a field of the body.
const actorOf = (a: AuthenticatedActor): Actor => ({ id: a.id, role: a.role, ...(a.unit ? { unit: a.unit } : {}) });
const correlationId = () => currentRequestContext()?.correlationId ?? randomUUID();

/** 年度工作: the annual cycle of a region's fiscal year, watched and steered by finance. */
@ApiTags('年度工作')
@ApiBearerAuth(BEARER_AUTH_NAME)
@ApiProblems(401, 403, 503)
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: AnnualCycles) {}

  @Post()
  @Roles('finance-admin')
  @ApiOperation({ summary: '启动年度工作', description: '按区划与年度启动年度预算绩效管理循环；日程不填则按默认日程。' })
  @ApiCreatedResponse({ description: '已启动的年度工作', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(400, 409, 422)
  start(@CurrentActor() actor: AuthenticatedActor, @Body() body: StartCycleDto): Promise<StartedCycle> {
    return this.cycles.start({
      region: body.region,
      fiscalYear: body.fiscalYear,
      ...(body.calendar ? { calendar: body.calendar } : {}),
      startedBy: actorOf(actor),
      correlationId: correlationId(),
    });
  }

  @Get(':region/:year')
  @Roles('finance-admin', 'auditor')
  @ApiOperation({ summary: '查看年度工作进度', description: '当前阶段、截止时间、逾期事项与阶段变更记录。' })
  @ApiOkResponse({ description: '年度工作进度', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(400, 404)
  get(@Param() params: CycleParams): Promise<AnnualCycleStatus> {
    return this.cycles.describe(params.region, params.year);
  }

  @Post(':region/:year/deadline-extensions')
  @Roles('finance-admin')
  @ApiOperation({ summary: '延长阶段截止时间', description: '须填写原因；记录操作人与原因。' })
  @ApiCreatedResponse({ description: '延期后的年度工作进度', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(400, 404, 409, 422)
  extend(@CurrentActor() actor: AuthenticatedActor, @Param() params: CycleParams, @Body() body: DeadlineExtensionDto): Promise<AnnualCycleStatus> {
    return this.cycles.extend(params.region, params.year, { phase: body.phase, newDeadline: new Date(body.newDeadline).toISOString(), reason: body.reason, actor: actorOf(actor), correlationId: correlationId() });
  }

  @Post(':region/:year/phase-advances')
  @Roles('finance-admin')
  @ApiOperation({ summary: '手动推进阶段', description: '结束当前阶段并进入下一阶段；须填写原因，记录操作人与原因。' })
  @ApiCreatedResponse({ description: '推进后的年度工作进度', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(400, 404, 409, 422)
  advance(@CurrentActor() actor: AuthenticatedActor, @Param() params: CycleParams, @Body() body: PhaseAdvanceDto): Promise<AnnualCycleStatus> {
    return this.cycles.advance(params.region, params.year, { fromPhase: body.fromPhase, reason: body.reason, actor: actorOf(actor), correlationId: correlationId() });
  }
}
