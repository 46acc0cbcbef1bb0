import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, Min } from 'class-validator';
import { FieldLabel } from '@bpm/http';
import { FiscalYearField, IdField, JsonObjectField, TextField } from '../common/dto';

/** A list of JSON objects whose inner rules belong to the evaluation domain (it answers field by field in Chinese). */
const ObjectList = (label: string, description: string, optional = true, max = 500): PropertyDecorator => (target, key) => {
  (optional ? ApiPropertyOptional : ApiProperty)({ description, type: 'array', items: { type: 'object', additionalProperties: true } })(target, key);
  FieldLabel(label)(target, key);
  if (optional) IsOptional()(target, key);
  IsArray()(target, key);
  ArrayMaxSize(max)(target, key);
  IsObject({ each: true })(target, key);
};

/** `:fiscalYear` in a path: an integer year, 2000–2100, like the query field. */
export class FiscalYearParams {
  @FiscalYearField()
  fiscalYear!: number;
}

export class FiscalYearQuery {
  @FiscalYearField()
  fiscalYear!: number;
}

export class UnitYearQuery extends FiscalYearQuery {
  @IdField('预算单位', '按预算单位筛选；单位用户只能查看本单位', true)
  unitId?: string;
}

export class FillSelfEvaluationDto {
  @ObjectList('实际值', '逐项确认或更正实际值：{name, kind: confirmed|corrected|qualitative, actual?, reason?, rating?, percentOfWeight?}')
  actuals?: Record<string, unknown>[];

  @ObjectList('偏差原因', '未达目标指标的原因：{indicatorName, nature: objective|subjective, text}')
  reasons?: Record<string, unknown>[];

  @JsonObjectField('预算执行更正', '更正实际支出：{executedFen, reason}', true)
  executionCorrection?: Record<string, unknown>;
}

export class ReviewDto {
  @ApiProperty({ description: '审核结论', enum: ['accept', 'return'] })
  @FieldLabel('审核结论')
  @IsIn(['accept', 'return'])
  decision!: 'accept' | 'return';

  @TextField('审核意见', '退回时必填', 4000, true)
  comments?: string;
}

export class ReviewSelfEvaluationDto extends ReviewDto {
  @ObjectList('定性指标评分', '审核人对定性指标的评分：{name, percentOfWeight}')
  qualitativeScores?: Record<string, unknown>[];
}

export class ReasonDto {
  @TextField('理由', '暂停、恢复或清退的理由', 2000)
  reason!: string;
}

export class AdmitThirdPartyDto {
  @ApiProperty({ description: '类别：第三方机构或专家', enum: ['agency', 'expert'] })
  @FieldLabel('类别')
  @IsIn(['agency', 'expert'])
  kind!: 'agency' | 'expert';

  @TextField('名称', '机构名称或专家姓名', 200)
  name!: string;

  @ApiPropertyOptional({ description: '资质', type: [String] })
  @FieldLabel('资质')
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  qualifications?: string[];

  @ApiPropertyOptional({ description: '擅长领域', type: [String] })
  @FieldLabel('擅长领域')
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  fields?: string[];

  @ObjectList('违规记录', '近年违规记录：{date, major, description}')
  violations?: Record<string, unknown>[];
}

export class RelationDto {
  @IdField('关联单位', '存在关联关系的预算单位')
  unitId!: string;

  @TextField('关联关系', '关联关系说明', 500)
  relation!: string;
}

export class RatingDto {
  @IdField('评价任务', '所评价的重点评价（项目编号）')
  evaluationId!: string;

  @ApiProperty({ description: '履职评价得分（0–100）', minimum: 0, maximum: 100 })
  @FieldLabel('履职评价得分')
  @IsInt()
  @Min(0)
  @Max(100)
  score!: number;

  @TextField('评价意见', '履职评价意见', 2000, true)
  comment?: string;
}

export class SelectDto {
  @TextField('选定理由', '列入重点评价的理由', 2000)
  reason!: string;
}

export class AssignDto {
  @IdField('第三方机构', '受托的第三方机构')
  agencyId!: string;

  @ApiProperty({ description: '参与评价的专家', type: [String] })
  @FieldLabel('专家')
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  expertIds!: string[];
}

export class MilestoneDto {
  @ApiProperty({ description: '里程碑', enum: ['work-plan', 'fieldwork'] })
  @FieldLabel('里程碑')
  @IsIn(['work-plan', 'fieldwork'])
  milestone!: 'work-plan' | 'fieldwork';

  @TextField('内容摘要', '工作方案或现场评价的内容摘要', 4000)
  summary!: string;
}

export class DraftDto {
  @ObjectList('评价指标', '三级指标及评分：{level1, level2, name, maxPoints, points, basis}', false)
  indicators!: Record<string, unknown>[];

  @TextField('评价发现', '评价发现的问题', 8000)
  findings!: string;

  @TextField('改进建议', '改进建议', 8000)
  recommendations!: string;
}

export class CandidatesQuery extends FiscalYearQuery {
  @ApiPropertyOptional({ description: '金额下限（元）' })
  @FieldLabel('金额下限')
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  minAmount?: number;

  @ApiPropertyOptional({ description: '金额上限（元）' })
  @FieldLabel('金额上限')
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  maxAmount?: number;

  @ApiPropertyOptional({ description: '预算类型', enum: ['general-public', 'government-fund', 'state-capital', 'social-insurance'] })
  @FieldLabel('预算类型')
  @IsOptional()
  @IsIn(['general-public', 'government-fund', 'state-capital', 'social-insurance'])
  budget?: string;

  @ApiPropertyOptional({ description: '项目类型', enum: ['ordinary', 'department-wide', 'government-purchase', 'government-debt', 'government-procurement', 'policy'] })
  @FieldLabel('项目类型')
  @IsOptional()
  @IsIn(['ordinary', 'department-wide', 'government-purchase', 'government-debt', 'government-procurement', 'policy'])
  projectType?: string;

  @ApiPropertyOptional({ description: '上年度自评等级', enum: ['excellent', 'good', 'fair', 'poor'] })
  @FieldLabel('上年度等级')
  @IsOptional()
  @IsIn(['excellent', 'good', 'fair', 'poor'])
  lastYearGrade?: string;
}

export class KeyEvaluationListQuery {
  @FiscalYearField(true)
  fiscalYear?: number;

  @ApiPropertyOptional({ description: '状态', enum: ['selected', 'in-progress', 'in-review', 'awaiting-final', 'completed'] })
  @FieldLabel('状态')
  @IsOptional()
  @IsIn(['selected', 'in-progress', 'in-review', 'awaiting-final', 'completed'])
  status?: string;
}
