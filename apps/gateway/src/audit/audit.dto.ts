import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { FieldLabel } from '@bpm/http';
import { AS_OF_PATTERN, parseAsOf } from './as-of';
import { AuditEventDto } from './audit-event';

/** Stream names as the store keeps them: `<category>-<id>`. */
export const STREAM_PATTERN = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

/** Versions are PostgreSQL integers; no stream of ours comes near. */
export const MAX_STREAM_VERSION = 2_147_483_647;

export class AsOfQuery {
  @ApiPropertyOptional({
    description: '时点：带时区的 ISO 8601 时刻，或仅日期（指区划所在时区该日结束时，默认 Asia/Shanghai）；不填为当前',
    example: '2026-03-31',
    pattern: AS_OF_PATTERN.source,
  })
  @FieldLabel('时点')
  @IsOptional()
  @IsString()
  @Matches(AS_OF_PATTERN)
  @ValidateBy({ name: 'isInstant', validator: { validate: (v: unknown) => typeof v === 'string' && parseAsOf(v) !== undefined } })
  asOf?: string;
}

export class StreamEventsQuery extends AsOfQuery {
  @ApiPropertyOptional({ description: '起始版本（含）', type: 'integer', minimum: 1, maximum: MAX_STREAM_VERSION })
  @FieldLabel('起始版本')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_STREAM_VERSION)
  from?: number;

  @ApiPropertyOptional({ description: '截止版本（含）', type: 'integer', minimum: 1, maximum: MAX_STREAM_VERSION })
  @FieldLabel('截止版本')
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_STREAM_VERSION)
  to?: number;
}

export class StreamParams {
  @ApiProperty({ description: '事件流名称，如 goal-P001', example: 'goal-P001', pattern: STREAM_PATTERN.source })
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
