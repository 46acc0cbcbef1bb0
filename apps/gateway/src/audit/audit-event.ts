import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor, RecordedEvent } from '@bpm/contracts';

/** One stored event as an auditor reads it: who, when, in which transaction, and its link in the hash chain. */
export class AuditEventDto {
  @ApiProperty({ description: '事件编号' })
  id!: string;

  @ApiProperty({ description: '流内版本（从 1 开始）' })
  version!: number;

  @ApiProperty({ description: '事件类型', example: 'GoalSubmittedForReview' })
  type!: string;

  @ApiProperty({ description: '记录时间（ISO 8601）' })
  time!: string;

  @ApiProperty({ description: '写入服务' })
  source!: string;

  @ApiProperty({ description: '操作人', type: 'object', additionalProperties: true })
  actor!: Actor;

  @ApiProperty({ description: '业务追踪编号' })
  correlationId!: string;

  @ApiPropertyOptional({ description: '起因事件或请求编号' })
  causationId?: string;

  @ApiProperty({ description: '本事件的 SHA-256 哈希' })
  hash!: string;

  @ApiProperty({ description: '前一事件的哈希（首个事件为 null）', nullable: true, type: String })
  prevHash!: string | null;

  @ApiProperty({ description: '事件数据的结构版本' })
  schemaVersion!: number;

  @ApiProperty({ description: '事件数据', type: 'object', additionalProperties: true })
  data!: unknown;
}

export function toAuditEvent(event: RecordedEvent): AuditEventDto {
  return {
    id: event.id,
    version: event.version,
    type: event.type,
    time: event.time,
    source: event.source,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId !== undefined ? { causationId: event.metadata.causationId } : {}),
    hash: event.hash,
    prevHash: event.prevHash,
    schemaVersion: event.schemaVersion,
    data: event.data,
  };
}
