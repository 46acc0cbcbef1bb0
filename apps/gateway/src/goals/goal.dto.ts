import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { FieldLabel, PageQuery } from '@bpm/http';
import { BUDGET_TYPES, BudgetType, GOAL_STATUS_LABELS, GoalStatus } from '@bpm/goal-declaration-contract';
import { FiscalYearField, IdField, TextField } from '../common/dto';

export const GOAL_STATUSES = Object.keys(GOAL_STATUS_LABELS) as GoalStatus[];

export class GoalDeclarationDto {
  @TextField('总体目标', '年度总体目标', 4000)
  overallGoal!: string;

  @TextField('实施期总体目标', '实施期总体目标（跨年度项目）', 4000, true)
  periodOverallGoal?: string;

  @ApiProperty({ description: '绩效指标（三级指标），由绩效目标服务逐项校验', type: 'array', items: { type: 'object', additionalProperties: true } })
  @FieldLabel('绩效指标')
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  indicators!: Record<string, unknown>[];

  @ApiPropertyOptional({ description: '年度主要任务（部门整体绩效目标）', type: 'array', items: { type: 'object', additionalProperties: true } })
  @FieldLabel('年度主要任务')
  @IsOptional()
  @IsArray()
  @IsObject({ each: true })
  keyTasks?: Record<string, unknown>[];
}

export class DeclareGoalDto {
  @ApiProperty({ description: '绩效目标表', type: GoalDeclarationDto })
  @FieldLabel('绩效目标表')
  @ValidateNested()
  @Type(() => GoalDeclarationDto)
  declaration!: GoalDeclarationDto;

  @IdField('指标库', '所依据的年度指标库编号')
  libraryId!: string;
}

export class AdjustmentRequestDto {
  @TextField('调整原因', '申请调整已批复绩效目标的原因', 2000)
  reason!: string;
}

export class GoalListQuery extends PageQuery {
  @IdField('预算单位', '按预算单位筛选；单位用户只能查看本单位', true)
  unitId?: string;

  @FiscalYearField(true)
  fiscalYear?: number;

  @ApiPropertyOptional({ description: '绩效目标状态', enum: GOAL_STATUSES })
  @FieldLabel('状态')
  @IsOptional()
  @IsIn(GOAL_STATUSES)
  status?: GoalStatus;

  @ApiPropertyOptional({ description: '预算类型', enum: BUDGET_TYPES })
  @FieldLabel('预算类型')
  @IsOptional()
  @IsIn(BUDGET_TYPES)
  budget?: BudgetType;
}
