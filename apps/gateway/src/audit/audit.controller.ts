import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BEARER_AUTH_NAME } from '@bpm/http';
import { AuthenticatedActor, CurrentActor, Roles } from '../auth';
import { ProjectParams } from '../common/dto';
import { ApiProblems, ForwardsToGoalDeclaration } from '../goal-declaration';
import { AsOfQuery, AuditHistoryDto, GoalStateAsOfDto, StreamEventsQuery, StreamParams, VerificationDto } from './audit.dto';
import { AuditService } from './audit.service';
import { parseAsOf } from './as-of';

/** 审计: replay the history, see the goal as it stood at any moment, prove nothing was edited. Read-only. */
@ApiTags('审计')
@ApiBearerAuth(BEARER_AUTH_NAME)
@ApiProblems(400, 401, 403, 404)
@Roles('auditor', 'finance-admin')
@ForwardsToGoalDeclaration()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('goals/:projectId/history')
  @ApiOperation({ summary: '绩效目标的完整变更历史（含操作人、追踪编号与哈希链）' })
  @ApiOkResponse({ type: AuditHistoryDto })
  history(@Param() params: ProjectParams): Promise<AuditHistoryDto> {
    return this.audit.goalHistory(params.projectId);
  }

  @Get('goals/:projectId/state')
  @ApiOperation({ summary: '绩效目标在某一时点的状态（按事件重放）' })
  @ApiOkResponse({ type: GoalStateAsOfDto })
  state(@CurrentActor() actor: AuthenticatedActor, @Param() params: ProjectParams, @Query() query: AsOfQuery): Promise<GoalStateAsOfDto> {
    return this.audit.goalStateAsOf(actor, params.projectId, query.asOf ? parseAsOf(query.asOf) : undefined);
  }

  @Get('goals/:projectId/verification')
  @ApiOperation({ summary: '校验绩效目标事件的哈希链是否完整' })
  @ApiOkResponse({ type: VerificationDto })
  verification(@Param() params: ProjectParams): Promise<VerificationDto> {
    return this.audit.verifyGoal(params.projectId);
  }

  @Get('streams/:stream/events')
  @ApiOperation({ summary: '任一事件流的事件（可按版本范围与时点筛选）' })
  @ApiOkResponse({ type: AuditHistoryDto })
  streamEvents(@Param() params: StreamParams, @Query() query: StreamEventsQuery): Promise<AuditHistoryDto> {
    return this.audit.streamEvents(params.stream, {
      from: query.from,
      to: query.to,
      asOf: query.asOf ? parseAsOf(query.asOf) : undefined,
    });
  }
}
