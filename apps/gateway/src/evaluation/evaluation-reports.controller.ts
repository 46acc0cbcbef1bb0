import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles, unitFilterFor } from '../auth';
import { ForwardsToEvaluation, anyObject } from './api-docs';
import { EvaluationClient } from './evaluation.client';
import { FiscalYearQuery, UnitYearQuery } from './evaluation.dto';

/** 绩效评价统计: coverage, grades, flags, key evaluations by status. */
@ApiTags('绩效评价统计')
@ForwardsToEvaluation()
@Controller('evaluation-reports')
export class EvaluationReportsController {
  constructor(private readonly evaluation: EvaluationClient) {}

  @Get('self-evaluation-coverage')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '单位自评覆盖率（全覆盖）', description: '按单位统计已批复项目中已完成自评的数量；单位用户只能查看本单位。' })
  @ApiOkResponse({ description: '覆盖率', ...anyObject })
  coverage(@CurrentActor() actor: AuthenticatedActor, @Query() query: UnitYearQuery) {
    return this.evaluation.get(actor, '/internal/evaluation-reports/self-evaluation-coverage', { fiscalYear: query.fiscalYear, unitId: unitFilterFor(actor, query.unitId) });
  }

  @Get('grade-distribution')
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '评价等级分布', description: '已通过审核的单位自评与已完成的重点评价，按优、良、中、差统计。' })
  @ApiOkResponse({ description: '等级分布', ...anyObject })
  grades(@CurrentActor() actor: AuthenticatedActor, @Query() query: UnitYearQuery) {
    return this.evaluation.get(actor, '/internal/evaluation-reports/grade-distribution', { fiscalYear: query.fiscalYear, unitId: unitFilterFor(actor, query.unitId) });
  }

  @Get('flagged-self-evaluations')
  @Roles('finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '被标记的单位自评（全区划）', description: '实际值偏离监控或执行数据、只列客观原因的自评，附两方数据。' })
  @ApiOkResponse({ description: '标记清单', ...anyObject })
  flagged(@CurrentActor() actor: AuthenticatedActor, @Query() query: FiscalYearQuery) {
    return this.evaluation.get(actor, '/internal/evaluation-reports/flagged-self-evaluations', { fiscalYear: query.fiscalYear });
  }

  @Get('key-evaluations-by-status')
  @Roles('finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '重点评价进展', description: '按状态统计重点评价。' })
  @ApiOkResponse({ description: '按状态分组', ...anyObject })
  keyByStatus(@CurrentActor() actor: AuthenticatedActor, @Query() query: FiscalYearQuery) {
    return this.evaluation.get(actor, '/internal/evaluation-reports/key-evaluations-by-status', { fiscalYear: query.fiscalYear });
  }
}
