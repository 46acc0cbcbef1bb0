import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { findOverlaps, overlapDecider } from '../domain';
import { parametersFor } from '../infrastructure/parameters';
import { Acting, type RequestActor } from '../infrastructure/request-actor';
import { StreamCommands } from '../infrastructure/stream-commands';
import { ResultRecord } from '../projections/result-record.entity';
import { idOf, intOf, listOf, objectOf, oneOf, optionalTextOf, textItem, textOf } from './input';
import { listRecords } from './records';

export const overlapStream = (candidateId: string) => `overlap-${candidateId}`;

@Controller('internal/overlaps')
export class OverlapController {
  constructor(private readonly streams: StreamCommands, @InjectRepository(ResultRecord) private readonly records: Repository<ResultRecord>) {}

  /** 交叉重复、碎片化 scan of one year's projects: each candidate above the region's threshold is listed once. */
  @Post('scan')
  @HttpCode(200)
  async scan(@Body() body: unknown, @Acting() acting: RequestActor) {
    const o = objectOf(body);
    const fiscalYear = intOf(o, 'fiscalYear', '年度', 2000);
    const projects = listOf(
      o,
      'projects',
      '项目',
      (x, path) => {
        const p = objectOf(x, path);
        return {
          projectId: idOf(textOf(p, 'projectId', '项目编号', 100), '项目编号'),
          projectName: textOf(p, 'projectName', '项目名称', 200),
          unitId: idOf(textOf(p, 'unitId', '预算单位编号', 100), '预算单位编号'),
          fiscalYear,
          overallGoal: textOf(p, 'overallGoal', '总体目标', 4000),
          indicators: listOf(p, 'indicators', '指标名称', textItem('指标名称'), 200),
        };
      },
      2000,
    );
    const candidates = findOverlaps(projects, parametersFor(fiscalYear).overlapThreshold);
    for (const candidate of candidates) {
      await this.streams.execute(overlapDecider, overlapStream(candidate.candidateId), { type: 'ListOverlap', data: { actor: acting.actor, at: acting.at, candidate } }, acting);
    }
    return { items: candidates };
  }

  /** 确认 / 排除 (finance-admin). */
  @Post(':candidateId/decision')
  @HttpCode(200)
  async decide(@Param('candidateId') candidateId: string, @Body() body: unknown, @Acting() acting: RequestActor) {
    const o = objectOf(body);
    const decision = oneOf(o, 'decision', '结论', ['confirm', 'dismiss'] as const);
    const note = optionalTextOf(o, 'note', '说明');
    const type = decision === 'confirm' ? ('ConfirmOverlap' as const) : ('DismissOverlap' as const);
    const result = await this.streams.execute(overlapDecider, overlapStream(idOf(candidateId, '候选编号')), { type, data: { actor: acting.actor, at: acting.at, ...(note ? { note } : {}) } }, acting);
    return { candidateId, state: result.state };
  }

  @Get()
  list(@Query() q: Record<string, string | undefined>) {
    return listRecords(this.records, 'overlap', q);
  }
}
