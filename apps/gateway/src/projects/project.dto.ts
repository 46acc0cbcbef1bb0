import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { FieldLabel } from '@bpm/http';
import { BUDGET_TYPES, BudgetType, PROJECT_TYPES, ProjectType } from '@bpm/goal-declaration-contract';
import { FiscalYearField, IdField, MoneyField, NestedField, TextField } from '../common/dto';
import { GoalListQuery } from '../goals/goal.dto';

export class MultiYearPeriodDto {
  @ApiProperty({ description: '实施期起始年度', example: 2026, type: 'integer', minimum: 2000, maximum: 2100 })
  @FieldLabel('实施期起始年度')
  @IsInt()
  @Min(2000)
  @Max(2100)
  startYear!: number;

  @ApiProperty({ description: '实施期结束年度', example: 2028, type: 'integer', minimum: 2000, maximum: 2100 })
  @FieldLabel('实施期结束年度')
  @IsInt()
  @Min(2000)
  @Max(2100)
  endYear!: number;
}

/** The project's id is the server's (POST answers with it): a client-chosen one is refused. */
export class ProjectDto {
  @TextField('项目名称', '项目名称', 200)
  name!: string;

  @IdField('预算单位', '预算单位编码；单位用户只能为本单位登记，不填即为本单位', true)
  unitId?: string;

  @TextField('区划', '区划', 100, true)
  region?: string;

  @FiscalYearField()
  fiscalYear!: number;

  @ApiProperty({ description: '预算类型（四本预算）', enum: BUDGET_TYPES })
  @FieldLabel('预算类型')
  @IsIn(BUDGET_TYPES)
  budget!: BudgetType;

  @ApiProperty({ description: '项目类型', enum: PROJECT_TYPES })
  @FieldLabel('项目类型')
  @IsIn(PROJECT_TYPES)
  projectType!: ProjectType;

  @MoneyField('预算金额', '预算金额（元，最多两位小数）')
  amount!: number;

  @ApiProperty({ description: '是否新增项目（否为延续项目）' })
  @FieldLabel('是否新增项目')
  @IsBoolean()
  isNew!: boolean;

  @NestedField('实施期', '跨年度项目的实施期', () => MultiYearPeriodDto, true)
  multiYear?: MultiYearPeriodDto;

  @ApiPropertyOptional({ description: '是否重大项目' })
  @FieldLabel('是否重大项目')
  @IsOptional()
  @IsBoolean()
  major?: boolean;

  @ApiPropertyOptional({ description: '是否到期后拟继续实施的项目' })
  @FieldLabel('是否到期拟延续')
  @IsOptional()
  @IsBoolean()
  expiringProposedToContinue?: boolean;
}

export class RegisterProjectDto {
  @NestedField('项目', '项目', () => ProjectDto)
  project!: ProjectDto;
}

export class ProjectRegisteredDto {
  @ApiProperty({ description: '项目编码' })
  projectId!: string;

  @ApiProperty({ description: '绩效目标流的版本' })
  version!: number;
}

/** 项目列表: the goal list's filters plus a search in the project's name or code. */
export class ProjectListQuery extends GoalListQuery {
  @TextField('项目名称或编码', '按项目名称或编码模糊查询', 100, true)
  search?: string;
}
