import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { FieldLabel } from '@bpm/http';
import { AuditEventDto } from './audit-event';

/** Stream names as the store keeps them: `<category>-<id>`. */
export const STREAM_PATTERN = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

export class AsOfQuery {
  @ApiPropertyOptional({ description: '时点（ISO 8601）；不填为当前', example: '2026-03-31T23:59:59+08:00' })
  @FieldLabel('时点')
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class StreamEventsQuery extends AsOfQuery {
  @ApiPropertyOptional({ description: '起始版本（含）', minimum: 1 })
  @FieldLabel('起始版本')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from?: number;

  @ApiPropertyOptional({ description: '截止版本（含）', minimum: 1 })
  @FieldLabel('截止版本')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to?: number;
}

export class StreamParams {
  @ApiProperty({ description: '事件流名称，如 goal-P001', example: 'goal-P001' })
  @FieldLabel('事件流')
  @IsString()
  @Matches(STREAM_PATTERN)
  stream!: string;
}

export class AuditHistoryDto {
  @ApiProperty({ description: '事件流名称' })
  stream!: string;

  @ApiProperty({ type: [AuditEventDto] })
  events!: AuditEventDto[];
}

export class GoalStateAsOfDto {
  @ApiProperty() projectId!: string;
  @ApiProperty() stream!: string;
  @ApiProperty({ description: '所查询的时点' }) asOf!: string;
  @ApiProperty({ description: '该时点的流版本（0 表示尚无事件）' }) version!: number;
  @ApiPropertyOptional({ description: '该时点最后一个事件的记录时间' }) lastEventTime?: string;
  @ApiProperty({ description: '状态' }) status!: string;
  @ApiProperty({ description: '状态（中文）' }) statusLabel!: string;
  @ApiProperty({ description: '按领域规则折叠出的绩效目标', type: 'object', additionalProperties: true }) state!: unknown;
}

export class BrokenLinkDto {
  @ApiProperty() stream!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String }) eventId!: string | null;
  @ApiProperty({ description: '原因' }) reason!: string;
}

export class VerificationDto {
  @ApiProperty() stream!: string;
  @ApiProperty({ description: '哈希链完整（未被篡改）' }) intact!: boolean;
  @ApiProperty({ description: '已校验的事件数' }) checked!: number;
  @ApiPropertyOptional({ type: BrokenLinkDto, description: '第一处断链' }) firstBrokenLink?: BrokenLinkDto;
}
