import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsObject, IsOptional } from 'class-validator';
import { FieldLabel } from '@bpm/http';
import { EX_ANTE_CONCLUSIONS, ExAnteConclusion } from '@bpm/goal-declaration-contract';
import { IdField, TextField } from '../common/dto';

/** One assessment per project: its id is the project's, so the goal review finds it. */
export class StartExAnteAssessmentDto {
  @IdField('项目编码', '被评估项目的编码')
  projectId!: string;
}

export class CompleteExAnteAssessmentDto {
  @ApiProperty({
    description: '五个评估维度的得分：立项必要性、投入经济性、绩效目标合理性、实施方案可行性、筹资合规性',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  @FieldLabel('评估维度得分')
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  dimensions!: Record<string, unknown>[];

  @ApiPropertyOptional({ description: '评估结论（不填则按得分判定）：支持、调整后支持、不予支持', enum: EX_ANTE_CONCLUSIONS })
  @FieldLabel('评估结论')
  @IsOptional()
  @IsIn(EX_ANTE_CONCLUSIONS)
  conclusion?: ExAnteConclusion;

  @TextField('评估意见', '评估意见', 4000)
  opinion!: string;
}
