import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedActor, CurrentActor, Roles, unitFilterFor } from '../auth';
import { ApiProblems, ForwardsToGoalDeclaration, GoalDeclarationClient } from '../goal-declaration';
import { FiscalYearField, IdField } from '../common/dto';

export class CoverageQuery {
  @FiscalYearField()
  fiscalYear!: number;

  @IdField('预算单位', '按预算单位统计；单位用户只能统计本单位', true)
  unitId?: string;
}

/** 绩效目标覆盖率: every project of every budget should have approved goals. */
@ApiTags('统计')
@ForwardsToGoalDeclaration()
@Controller('coverage')
export class CoverageController {
  constructor(private readonly goals: GoalDeclarationClient) {}

  @Get()
  @Roles('unit', 'finance-reviewer', 'finance-admin', 'auditor')
  @ApiOperation({ summary: '绩效目标覆盖率（按四本预算）' })
  @ApiOkResponse({ description: '按预算类型与合计的项目数、已批复数与比例', schema: { type: 'object', additionalProperties: true } })
  @ApiProblems(400)
  coverage(@CurrentActor() actor: AuthenticatedActor, @Query() query: CoverageQuery): Promise<unknown> {
    return this.goals.get(actor, '/internal/coverage', { fiscalYear: query.fiscalYear, unitId: unitFilterFor(actor, query.unitId) });
  }
}
