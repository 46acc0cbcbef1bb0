import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { PublicRoute } from '@bpm/auth';
import { notFound } from '@bpm/decider';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, type Repository } from 'typeorm';
import { disclosureDecider, type DisclosureCommand } from '../domain';
import { Acting, type RequestActor } from '../infrastructure/request-actor';
import { StreamCommands } from '../infrastructure/stream-commands';
import { ResultRecord } from '../projections/result-record.entity';
import { idOf, intOf, listOf, objectOf, oneOf, textOf } from './input';
import { listRecords, pageParams } from './records';

export const disclosureStream = (disclosureId: string) => `disclosure-${disclosureId}`;

@Controller('internal/disclosures')
export class DisclosureController {
  constructor(private readonly streams: StreamCommands, @InjectRepository(ResultRecord) private readonly records: Repository<ResultRecord>) {}

  private act(disclosureId: string, command: DisclosureCommand, acting: RequestActor) {
    return this.streams.execute(disclosureDecider, disclosureStream(idOf(disclosureId, '公开申请编号')), command, acting).then((r) => ({ disclosureId, state: r.state, version: r.version }));
  }

  /** 单位提出公开申请 for its approved goal or final evaluation result. */
  @Post()
  @HttpCode(201)
  propose(@Body() body: unknown, @Acting() acting: RequestActor) {
    const o = objectOf(body);
    const disclosureId = idOf(textOf(o, 'disclosureId', '公开申请编号', 100), '公开申请编号');
    const r = objectOf(o['record'], 'record');
    const record = {
      kind: oneOf(r, 'kind', '公开内容类型', ['performance-goal', 'evaluation-result'] as const),
      recordId: idOf(textOf(r, 'recordId', '记录编号', 100), '记录编号'),
      unitId: idOf(textOf(r, 'unitId', '预算单位编号', 100), '预算单位编号'),
      fiscalYear: intOf(r, 'fiscalYear', '年度', 2000),
      recordStatus: textOf(r, 'recordStatus', '记录状态', 40),
      title: textOf(r, 'title', '标题', 200),
      content: objectOf(r['content'], 'record.content'),
    };
    return this.act(disclosureId, { type: 'ProposeDisclosure', data: { actor: acting.actor, at: acting.at, disclosureId, record } }, acting);
  }

  /** 审核通过（可删减字段并注明法律依据）. */
  @Post(':disclosureId/approval')
  @HttpCode(200)
  approve(@Param('disclosureId') id: string, @Body() body: unknown, @Acting() acting: RequestActor) {
    const redactions = listOf(objectOf(body), 'redactions', '删减字段', (x, path) => {
      const r = objectOf(x, path);
      return { field: textOf(r, 'field', '删减字段', 100), legalBasis: textOf(r, 'legalBasis', '法律依据', 500) };
    });
    return this.act(id, { type: 'ApproveDisclosure', data: { actor: acting.actor, at: acting.at, redactions } }, acting);
  }

  @Post(':disclosureId/rejection')
  @HttpCode(200)
  reject(@Param('disclosureId') id: string, @Body() body: unknown, @Acting() acting: RequestActor) {
    return this.act(id, { type: 'RejectDisclosure', data: { actor: acting.actor, at: acting.at, reason: textOf(objectOf(body), 'reason', '不予公开理由') } }, acting);
  }

  @Post(':disclosureId/publication')
  @HttpCode(200)
  publish(@Param('disclosureId') id: string, @Acting() acting: RequestActor) {
    return this.act(id, { type: 'PublishDisclosure', data: { actor: acting.actor, at: acting.at } }, acting);
  }

  @Get()
  list(@Query() q: Record<string, string | undefined>) {
    return listRecords(this.records, 'disclosure', q);
  }
}

/**
 * 公开: no token. Reads only the `publicView` column, which the projection fills from the
 * domain's rule for published disclosures alone; every other record answers 404.
 */
@Controller('public/disclosures')
@PublicRoute()
export class PublicDisclosureController {
  constructor(@InjectRepository(ResultRecord) private readonly records: Repository<ResultRecord>) {}

  @Get()
  async list(@Query() q: Record<string, string | undefined>) {
    const page = pageParams(q);
    const [rows, total] = await this.records.findAndCount({
      where: { category: 'disclosure', publicView: Not(IsNull()) },
      order: { updatedAt: 'DESC', recordId: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items: rows.map((r) => r.publicView), total, ...page };
  }

  @Get(':disclosureId')
  async get(@Param('disclosureId') id: string) {
    const row = await this.records.findOneBy({ stream: disclosureStream(id), category: 'disclosure', publicView: Not(IsNull()) });
    if (!row) throw notFound('DISCLOSURE_NOT_FOUND', '未找到该公开信息');
    return row.publicView;
  }
}
