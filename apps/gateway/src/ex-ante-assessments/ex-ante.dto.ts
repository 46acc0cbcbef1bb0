import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { FieldLabel } from '@bpm/http';
import { EX_ANTE_CONCLUSIONS, EX_ANTE_DIMENSIONS, ExAnteConclusion } from '@bpm/goal-declaration-contract';
import { EnumField, IdField, NestedListField, NumberField, TextField } from '../common/dto';

/** One assessment per project: its id is the project's, so the goal review finds it. */
export class StartExAnteAssessmentDto {
  @IdField('项目编码', '被评估项目的编码')
  projectId!: string;
}

/** 评分要点 */
export class SubItemScoreDto {
  @TextField('评分要点名称', '评分要点名称', 200)
  name!: string;

  @NumberField('要点满分', '该要点的满分', 0, 100)
  maxScore!: number;

  @NumberField('要点得分', '该要点的得分（0 到满分）', 0, 100)
  score!: number;

  @TextField('要点说明', '评分说明', 2000, true)
  comment?: string;
}

export class DimensionScoreDto {
  @EnumField('评估维度', '评估维度', EX_ANTE_DIMENSIONS)
  dimension!: string;

  @NestedListField('评分要点', '该维度的评分要点（满分合计为该维度分值）', () => SubItemScoreDto, { min: 1, max: 50 })
  subItems!: SubItemScoreDto[];
}

export class CompleteExAnteAssessmentDto {
  @NestedListField(
    '评估维度得分',
    '五个评估维度的得分：立项必要性、投入经济性、绩效目标合理性、实施方案可行性、筹资合规性',
    () => DimensionScoreDto,
    { min: 1, max: 20 },
  )
  dimensions!: DimensionScoreDto[];

  @ApiPropertyOptional({ description: '评估结论（不填则按得分判定）：支持、调整后支持、不予支持', enum: EX_ANTE_CONCLUSIONS })
  @FieldLabel('评估结论')
  @IsOptional()
  @IsIn(EX_ANTE_CONCLUSIONS)
  conclusion?: ExAnteConclusion;

  @TextField('评估意见', '评估意见', 4000)
  opinion!: string;
}
