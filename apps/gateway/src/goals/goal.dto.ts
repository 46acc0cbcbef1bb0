import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FieldLabel, PageQuery } from '@bpm/http';
import {
  BUDGET_TYPES,
  BudgetType,
  DIRECTIONS,
  GOAL_STATUS_LABELS,
  GoalStatus,
  INDICATOR_KINDS,
  LEVEL1,
  LEVEL2_BY_LEVEL1,
} from '@bpm/goal-declaration-contract';
import { EnumField, FiscalYearField, IdField, MoneyField, NestedField, NestedListField, NumberField, TargetValueField, TextField } from '../common/dto';

export const GOAL_STATUSES = Object.keys(GOAL_STATUS_LABELS) as GoalStatus[];

const LEVEL2 = [...new Set(Object.values(LEVEL2_BY_LEVEL1).flat())];

/** 三级指标 as declared: the shape here; which level 2 belongs to which level 1, targets and the library match are the domain's rules. */
export class DeclaredIndicatorDto {
  @IdField('指标编码', '指标库中的指标编码（共性指标必填）', true)
  indicatorId?: string;

  @TextField('指标名称', '三级指标名称', 200)
  name!: string;

  @EnumField('一级指标', '一级指标：产出、效益、满意度、成本', LEVEL1)
  level1!: string;

  @EnumField('二级指标', '二级指标（须属于所选一级指标）', LEVEL2)
  level2!: string;

  @EnumField('指标类型', '共性指标 common（取自指标库）或个性指标 individual', INDICATOR_KINDS)
  kind!: string;

  @EnumField('指标方向', '≥ 越大越好、≤ 越小越好、= 等于目标值、qualitative 定性', DIRECTIONS)
  direction!: string;

  @TextField('计量单位', '计量单位（定量指标必填）', 50, true)
  unitOfMeasure?: string;

  @TargetValueField('年度指标值', '年度指标值：定量指标为数值，定性指标为文字')
  annualTarget?: number | string;

  @TargetValueField('实施期指标值', '实施期指标值（跨年度项目必填）')
  periodTarget?: number | string;

  @NumberField('权重', '权重（使用时每项都填，合计 100）', 0, 100, true)
  weight?: number;
}

/** 年度主要任务 of a department-wide goal. */
export class KeyTaskDto {
  @TextField('任务名称', '年度主要任务名称', 200)
  name!: string;

  @MoneyField('任务金额', '该任务的预算金额（元）')
  amount!: number;

  @TextField('任务说明', '任务说明', 2000, true)
  description?: string;
}

export class GoalDeclarationDto {
  @TextField('总体目标', '年度总体目标', 4000)
  overallGoal!: string;

  @TextField('实施期总体目标', '实施期总体目标（跨年度项目）', 4000, true)
  periodOverallGoal?: string;

  @NestedListField('绩效指标', '绩效指标（三级指标）', () => DeclaredIndicatorDto)
  indicators!: DeclaredIndicatorDto[];

  @NestedListField('年度主要任务', '年度主要任务（部门整体绩效目标）', () => KeyTaskDto, { optional: true, max: 200 })
  keyTasks?: KeyTaskDto[];
}

export class DeclareGoalDto {
  @NestedField('绩效目标表', '绩效目标表', () => GoalDeclarationDto)
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
