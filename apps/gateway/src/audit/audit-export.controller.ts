import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { AuditExport } from '@bpm/event-store';
import { ProblemException } from '@bpm/http';
import { Roles } from '../auth';
import { performanceGoalStreamId } from '@bpm/goal-declaration-contract';
import { ApiProblems } from '../goal-declaration';
import { ProjectParams } from '../common/dto';
import { AUDIT_EVENT_STORE, AuditEventStore } from './audit-store';

export class AuditExportDto {
  @ApiProperty({ enum: ['bpm-audit-export/1'] }) format!: 'bpm-audit-export/1';
  @ApiProperty() stream!: string;
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: '按存储原样导出的事件（含哈希链）' })
  events!: AuditExport['events'];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: '最新签名检查点、该事件流链头的叶子及其默克尔证明；尚无检查点覆盖时为 null',
  })
  anchor!: AuditExport['anchor'];
}

/**
 * 审计导出: one goal's full history with the signed checkpoint and Merkle proof it needs, for
 * `tools/verify` to check offline with the public key alone. Separate from AuditController on purpose.
 */
@ApiTags('审计')
@ApiProblems(400, 401, 403, 404)
@Roles('auditor', 'finance-admin')
@Controller('audit')
export class AuditExportController {
  constructor(@Inject(AUDIT_EVENT_STORE) private readonly store: AuditEventStore) {}

  @Get('goals/:projectId/export')
  @Header('Content-Disposition', 'attachment')
  @ApiOperation({ summary: '导出绩效目标的完整历史及签名检查点证明（供离线校验工具 tools/verify 使用）' })
  @ApiOkResponse({ type: AuditExportDto })
  async export(@Param() params: ProjectParams): Promise<AuditExport> {
    const stream = performanceGoalStreamId(params.projectId);
    if (!this.store.exportStream) {
      throw new ProblemException(503, 'EXPORT_UNAVAILABLE', '审计导出暂不可用，请稍后重试', { title: '服务暂不可用' });
    }
    const exported = await this.store.exportStream(stream);
    if (exported.events.length === 0) {
      throw new ProblemException(404, 'STREAM_NOT_FOUND', `未找到事件流“${stream}”：该记录不存在或尚无任何事件`, { title: '未找到' });
    }
    return exported;
  }
}
