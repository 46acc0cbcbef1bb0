import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import { FieldLabel } from '@bpm/http';
import { CYCLE_PHASES, type ActivePhase, type CycleCalendar } from '@bpm/workflows';
import { FiscalYearField, IdField, JsonObjectField, TextField } from '../common/dto';

const PHASE_DESCRIPTION = `阶段：${CYCLE_PHASES.join('、')}`;

export class CycleParams {
  @IdField('区划编码', '区划编码')
  region!: string;

  @FiscalYearField()
  year!: number;
}

export class StartCycleDto {
  @IdField('区划编码', '区划编码')
  region!: string;

  @FiscalYearField()
  fiscalYear!: number;

  // The calendar's own rules (order, dates inside the year) are the workflow library's: it answers in Chinese.
  @JsonObjectField('年度工作日程', '各阶段截止时间；不填则按默认日程（上年秋季申报审核 … 次年10月下年度预算建议）', true)
  calendar?: CycleCalendar;
}

export class DeadlineExtensionDto {
  @ApiProperty({ description: PHASE_DESCRIPTION, enum: CYCLE_PHASES })
  @FieldLabel('阶段')
  @IsIn(CYCLE_PHASES)
  phase!: ActivePhase;

  @ApiProperty({ description: '新的截止时间（ISO 8601，含时区）', example: '2027-07-15T23:59:59+08:00' })
  @FieldLabel('新的截止时间')
  @IsISO8601({ strict: true })
  newDeadline!: string;

  @TextField('延期原因', '延期原因（记入年度工作事件）', 500)
  reason!: string;
}

export class PhaseAdvanceDto {
  @ApiProperty({ description: `要结束的当前阶段（防止重复推进）。${PHASE_DESCRIPTION}`, enum: CYCLE_PHASES })
  @FieldLabel('当前阶段')
  @IsIn(CYCLE_PHASES)
  fromPhase!: ActivePhase;

  @TextField('推进原因', '手动推进原因（记入年度工作事件）', 500)
  reason!: string;
}
