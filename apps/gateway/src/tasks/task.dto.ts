import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { FieldLabel, PageQuery } from '@bpm/http';
import { FiscalYearField, IdField, TextField } from '../common/dto';

export const TASK_STATES = ['open', 'awaiting-revision', 'closed'] as const;
export const DECISIONS = ['approve', 'return', 'reject'] as const;
export const RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;

export class TaskListQuery extends PageQuery {
  @ApiPropertyOptional({ description: '任务状态：待审核 open、待单位修改 awaiting-revision、已办结 closed', enum: TASK_STATES })
  @FieldLabel('任务状态')
  @IsOptional()
  @IsIn(TASK_STATES)
  status?: (typeof TASK_STATES)[number];

  @IdField('预算单位', '按预算单位筛选；单位用户只能查看本单位', true)
  unitId?: string;

  @FiscalYearField(true)
  fiscalYear?: number;
}

export class IndicatorCommentDto {
  @TextField('指标名称', '指标名称', 200)
  indicatorName!: string;

  @TextField('修改意见', '对该指标的修改意见', 2000)
  comment!: string;
}

export class ReviewDecisionDto {
  @ApiProperty({ description: '审核结论：审核通过 approve、退回修改 return、不予通过 reject', enum: DECISIONS })
  @FieldLabel('审核结论')
  @IsIn(DECISIONS)
  decision!: (typeof DECISIONS)[number];

  @ApiProperty({ description: '审核等级：优 excellent、良 good（通过）；中 fair（退回）；差 poor（不予通过）', enum: RATINGS })
  @FieldLabel('审核等级')
  @IsIn(RATINGS)
  rating!: (typeof RATINGS)[number];

  @TextField('审核意见', '审核意见', 4000, true)
  comments?: string;

  @ApiPropertyOptional({ description: '逐项指标的修改意见（退回时填写）', type: [IndicatorCommentDto] })
  @FieldLabel('指标修改意见')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => IndicatorCommentDto)
  indicatorComments?: IndicatorCommentDto[];

  @ApiPropertyOptional({ description: '审核评分（0–100），其等级须与审核等级一致（按本区划的等级分数线）', minimum: 0, maximum: 100 })
  @FieldLabel('审核评分')
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  score?: number;

  @ApiPropertyOptional({ description: '审核时所看的目标表版本；已被重新提交时拒绝' })
  @FieldLabel('目标表版本')
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
