import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { currentRequestContext, ProblemException } from '@bpm/http';
import type { CorrectiveChoice } from '@bpm/workflows';
import { AuthenticatedActor, CurrentActor, Roles, canAccessUnit, unitFilterFor } from '../auth';
import { UpstreamProblemException } from '../goal-declaration/upstream-problem';
import { ApiProblems, ForwardsToGoalDeclaration, GoalAccess, path } from '../goal-declaration';
import { CorrectiveAnswers, correctiveProblemOf } from './corrective-answers';
import { MonitoringClient } from './monitoring.client';

const anyObject = { schema: { type: 'object', additionalProperties: true } };
const reportPath = (projectId: string, year: number, month: number) => path`/internal/monitoring/reports/${projectId}/${year}/${month}`;
const deviation = {
  type: 'object',
  properties: {
    cause: { type: 'string', enum: ['funding', 'institutional', 'staffing', 'hardware', 'other'], description: '偏差原因：经费/制度/人员/硬件/其他' },
    explanation: { type: 'string', description: '原因说明' },
    measure: { type: 'string', description: '改进措施' },
  },
};

/** 月度监控报告: opened by the cycle (or finance), filled and submitted by the unit, reviewed by finance. */
@ApiTags('绩效运行监控')
@ForwardsToGoalDeclaration()
@Controller('monitoring/reports')
export class MonitoringReportsController {
  constructor(
    private readonly monitoring: MonitoringClient,
    private readonly access: GoalAccess,
  ) {}

  @Post()
  @Roles('finance-reviewer')
  @ApiOperation({ summary: '开放某项目某月的监控报告', description: '通常由每月的监控周期自动开放；财政绩效审核人员可补开。' })
  @ApiBody({ schema: { type: 'object', required: ['projectId', 'month'], properties: { projectId: { type: 'string' }, month: { type: 'integer', minimum: 1, maximum: 12 }, kind: { type: 'string', enum: ['project', 'department-wide'] } } } })
  @ApiProblems(400, 404, 422)
  open(@CurrentActor() actor: AuthenticatedActor, @Body() body: Record<string, unknown>): Promise<unknown> {
    return this.monitoring.post(actor, '/internal/monitoring/reports', body);
  }

  @Get(':projectId/:fiscalYear/:month')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '查看月度监控报告（含执行数据、预警及其计算依据）' })
  @ApiOkResponse({ description: '监控报告', ...anyObject })
  @ApiProblems(404)
  async get(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Param('fiscalYear', ParseIntPipe) year: number, @Param('month', ParseIntPipe) month: number): Promise<unknown> {
    await this.access.load(actor, projectId);
    return this.monitoring.get(actor, reportPath(projectId, year, month));
  }

  @Put(':projectId/:fiscalYear/:month/draft')
  @Roles('unit')
  @ApiOperation({ summary: '填报监控报告（各指标累计完成值、完成可能性、偏差原因与措施）', description: '执行数据取自导入的预算执行数据，无需重复填写。' })
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        content: {
          type: 'object',
          properties: {
            indicators: {
              type: 'array',
              items: { type: 'object', properties: { indicatorName: { type: 'string' }, actual: {}, likelihood: { type: 'string', enum: ['certain', 'possible', 'impossible'] }, deviation } },
            },
            executionDeviation: deviation,
          },
        },
      },
    },
  })
  @ApiProblems(400, 404, 422)
  async draft(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Param('fiscalYear', ParseIntPipe) year: number, @Param('month', ParseIntPipe) month: number, @Body() body: Record<string, unknown>): Promise<unknown> {
    await this.access.load(actor, projectId);
    return this.monitoring.put(actor, `${reportPath(projectId, year, month)}/draft`, body);
  }

  @Post(':projectId/:fiscalYear/:month/submission')
  @HttpCode(200)
  @Roles('unit')
  @ApiOperation({ summary: '提交监控报告' })
  @ApiProblems(404, 422)
  async submit(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Param('fiscalYear', ParseIntPipe) year: number, @Param('month', ParseIntPipe) month: number): Promise<unknown> {
    await this.access.load(actor, projectId);
    return this.monitoring.post(actor, `${reportPath(projectId, year, month)}/submission`, {});
  }

  @Post(':projectId/:fiscalYear/:month/review')
  @HttpCode(200)
  @Roles('finance-reviewer')
  @ApiOperation({ summary: '审核监控报告（通过或退回修改）' })
  @ApiBody({ schema: { type: 'object', required: ['decision'], properties: { decision: { type: 'string', enum: ['accept', 'return'] }, comments: { type: 'string' } } } })
  @ApiProblems(400, 404, 422)
  review(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string, @Param('fiscalYear', ParseIntPipe) year: number, @Param('month', ParseIntPipe) month: number, @Body() body: Record<string, unknown>): Promise<unknown> {
    return this.monitoring.post(actor, `${reportPath(projectId, year, month)}/review`, body);
  }
}

/** 纠偏事项: the unit answers; finance suspends or stops the allocation and lifts it. */
@ApiTags('绩效运行监控')
@ForwardsToGoalDeclaration()
@Controller('monitoring/cases')
export class CorrectiveCasesController {
  constructor(
    private readonly monitoring: MonitoringClient,
    private readonly answers: CorrectiveAnswers,
  ) {}

  /**
   * The case as monitoring holds it. To a unit user of another unit it does not exist: the same
   * 404 as for an unknown id, so case ids of other units cannot be probed.
   */
  private async load(actor: AuthenticatedActor, caseId: string): Promise<{ unitId: string }> {
    const notFound = () => new ProblemException(404, 'CORRECTIVE_CASE_NOT_FOUND', `未找到纠偏事项“${caseId}”`);
    let found: { unitId: string };
    try {
      found = await this.monitoring.get<{ unitId: string }>(actor, path`/internal/monitoring/cases/${caseId}`);
    } catch (error) {
      if (error instanceof UpstreamProblemException && error.status === 404) throw notFound();
      throw error;
    }
    if (!canAccessUnit(actor, found.unitId)) throw notFound();
    return found;
  }

  @Get(':caseId')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '查看纠偏事项（预警、答复期限、答复、拨款限制）' })
  @ApiOkResponse({ description: '纠偏事项', ...anyObject })
  @ApiProblems(404)
  get(@CurrentActor() actor: AuthenticatedActor, @Param('caseId') caseId: string): Promise<unknown> {
    return this.load(actor, caseId);
  }

  @Post(':caseId/answer')
  @HttpCode(200)
  @Roles('unit')
  @ApiOperation({ summary: '答复纠偏事项：继续、调剂或取消', description: '须在纠偏事项开启后的规定工作日内答复。' })
  @ApiBody({ schema: { type: 'object', required: ['choice', 'reasons'], properties: { choice: { type: 'string', enum: ['continue', 'reallocate', 'cancel'] }, reasons: { type: 'string' } } } })
  @ApiProblems(400, 403, 404, 409, 422, 503)
  async answer(@CurrentActor() actor: AuthenticatedActor, @Param('caseId') caseId: string, @Body() body: Record<string, unknown>): Promise<unknown> {
    await this.load(actor, caseId);
    // Through the case's follow-up workflow (its Update records the answer in monitoring), so the
    // follow-up knows the case is answered; then the case as monitoring now holds it, as before.
    await this.answers
      .answer(caseId, {
        choice: body?.['choice'] as CorrectiveChoice,
        reasons: typeof body?.['reasons'] === 'string' ? body['reasons'] : '',
        actor: { id: actor.id, role: actor.role, ...(actor.unit ? { unit: actor.unit } : {}) },
        correlationId: currentRequestContext()?.correlationId ?? randomUUID(),
      })
      .catch((error) => {
        throw correctiveProblemOf(error);
      });
    return this.monitoring.get(actor, path`/internal/monitoring/cases/${caseId}`);
  }

  @Post(':caseId/allocation-restriction')
  @HttpCode(200)
  @Roles('finance-reviewer', 'finance-admin')
  @ApiOperation({ summary: '暂缓或停止拨款', description: '此后该项目的指标下达与追加资金申请将被拒绝，并注明本纠偏事项，直至解除。' })
  @ApiBody({ schema: { type: 'object', required: ['mode', 'reason'], properties: { mode: { type: 'string', enum: ['suspend', 'stop'] }, reason: { type: 'string' } } } })
  @ApiProblems(400, 404, 422)
  restrict(@CurrentActor() actor: AuthenticatedActor, @Param('caseId') caseId: string, @Body() body: Record<string, unknown>): Promise<unknown> {
    return this.monitoring.post(actor, path`/internal/monitoring/cases/${caseId}/allocation-restriction`, body);
  }

  @Post(':caseId/allocation-restriction/lifting')
  @HttpCode(200)
  @Roles('finance-reviewer', 'finance-admin')
  @ApiOperation({ summary: '解除拨款限制' })
  @ApiBody({ schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } })
  @ApiProblems(400, 404, 422)
  lift(@CurrentActor() actor: AuthenticatedActor, @Param('caseId') caseId: string, @Body() body: Record<string, unknown>): Promise<unknown> {
    return this.monitoring.post(actor, path`/internal/monitoring/cases/${caseId}/allocation-restriction/lifting`, body);
  }
}

/** The region's views: the warning board by colour, unit and budget; the unit scorecard for targeted guidance. */
@ApiTags('绩效运行监控')
@ForwardsToGoalDeclaration()
@Controller('monitoring')
export class MonitoringBoardsController {
  constructor(
    private readonly monitoring: MonitoringClient,
    private readonly access: GoalAccess,
  ) {}

  @Get('warning-board')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '预警看板（按颜色、单位、预算类型）', description: '单位用户只能看到本单位。' })
  @ApiOkResponse({ description: '各项目最新月份的预警等级与计数', ...anyObject })
  @ApiProblems(400)
  board(@CurrentActor() actor: AuthenticatedActor, @Query() q: Record<string, string>): Promise<unknown> {
    return this.monitoring.get(actor, '/internal/monitoring/warning-board', { ...pick(q, ['fiscalYear', 'month', 'level', 'budget']), unitId: unitFilterFor(actor, q['unitId']) });
  }

  @Get('scorecard')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '单位绩效监控记分卡（定向指导）', description: '滞后项目、目标偏低、逾期报告、纠偏事项，按问题轻重排序；单位用户只能看到本单位。' })
  @ApiOkResponse({ description: '各单位记分', ...anyObject })
  @ApiProblems(400)
  scorecard(@CurrentActor() actor: AuthenticatedActor, @Query() q: Record<string, string>): Promise<unknown> {
    return this.monitoring.get(actor, '/internal/monitoring/scorecard', { fiscalYear: q['fiscalYear'], unitId: unitFilterFor(actor, q['unitId']) });
  }

  @Get('projects/:projectId/allocation')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '项目能否拨款（是否被暂缓或停止拨款）' })
  @ApiOkResponse({ description: '拨款状态', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(404)
  async allocation(@CurrentActor() actor: AuthenticatedActor, @Param('projectId') projectId: string): Promise<unknown> {
    await this.access.load(actor, projectId);
    return this.monitoring.get(actor, path`/internal/monitoring/projects/${projectId}/allocation`);
  }
}

const pick = (q: Record<string, string>, keys: string[]) => Object.fromEntries(keys.filter((k) => q[k] !== undefined).map((k) => [k, q[k]]));
