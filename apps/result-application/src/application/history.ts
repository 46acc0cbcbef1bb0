import { Controller, Get, Param } from '@nestjs/common';
import { notFound } from '@bpm/decider';
import { StreamCommands } from '../infrastructure/stream-commands';
import { OWNED_CATEGORIES } from '../infrastructure/tokens';

/** 审计: every event of one record as recorded, with who and when (the gateway admits auditors). */
@Controller('internal/history')
export class HistoryController {
  constructor(private readonly streams: StreamCommands) {}

  @Get(':category/:id')
  async history(@Param('category') category: string, @Param('id') id: string) {
    if (!OWNED_CATEGORIES.includes(category)) throw notFound('RECORD_NOT_FOUND', '未找到该记录');
    const events = await this.streams.history(`${category}-${id}`);
    if (!events.length) throw notFound('RECORD_NOT_FOUND', '未找到该记录');
    return { stream: `${category}-${id}`, events };
  }
}
