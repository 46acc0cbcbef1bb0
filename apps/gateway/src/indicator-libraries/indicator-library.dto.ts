import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { FieldLabel } from '@bpm/http';
import { FiscalYearField, JsonObjectField, TextField } from '../common/dto';

export class CreateIndicatorLibraryDto {
  @TextField('区划', '区划编码或名称，如 “某县”', 100)
  region!: string;

  @FiscalYearField()
  fiscalYear!: number;

  @ApiProperty({ description: '是否启用“成本”一级指标（经济成本、社会成本、生态环境成本）' })
  @FieldLabel('是否启用成本指标')
  @IsBoolean()
  costLevelEnabled!: boolean;
}

export class AddCategoryDto {
  @JsonObjectField('指标类别', '指标类别：categoryId、name 等，由绩效目标服务校验')
  category!: Record<string, unknown>;
}

export class AddIndicatorDto {
  @JsonObjectField('指标', '三级指标：名称、一级/二级指标、计量单位、指标方向、解释与数据来源等')
  indicator!: Record<string, unknown>;
}

export class ChangeIndicatorDto {
  @JsonObjectField('修改内容', '要修改的指标字段')
  changes!: Record<string, unknown>;

  @TextField('修改原因', '修改原因', 500)
  reason!: string;
}

export class RetireIndicatorDto {
  @TextField('停用原因', '停用（删除）原因', 500)
  reason!: string;
}

export class LibraryCreatedDto {
  @ApiProperty({ description: '指标库编号' })
  libraryId!: string;
}
