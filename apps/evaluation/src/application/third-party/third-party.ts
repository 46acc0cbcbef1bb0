import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { forbidden, notFound } from '@bpm/decider';
import { thirdPartyDecider, type ThirdPartyCommand } from '../../domain';
import { REGION_PARAMETERS, type RegionParameters } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { thirdPartyStreamId } from '../../infrastructure/tokens';
import { ThirdPartyEntry } from '../../projections/entities';
import { list, num, oneOf, text } from '../input';

type Change = { type: Exclude<ThirdPartyCommand['type'], 'AdmitThirdParty'> | 'AdmitThirdParty'; data: Record<string, unknown> };

export class ChangeThirdParty {
  constructor(readonly id: string, readonly change: Change, readonly acting: RequestActor) {}
}

/** 第三方机构库、专家库: admission, suspension, reinstatement, removal, declared relations, job ratings. */
@CommandHandler(ChangeThirdParty)
export class ChangeThirdPartyHandler implements ICommandHandler<ChangeThirdParty> {
  constructor(private readonly streams: StreamCommands, @Inject(REGION_PARAMETERS) private readonly region: RegionParameters) {}
  async execute({ id, change, acting }: ChangeThirdParty) {
    const at = acting.at;
    const extra = change.type === 'AdmitThirdParty' ? { id, parameters: this.region.forYear(Number(at.slice(0, 4))) } : {};
    const command = { type: change.type, data: { ...change.data, ...extra, actor: acting.actor, at } } as ThirdPartyCommand;
    const result = await this.streams.execute(thirdPartyDecider, thirdPartyStreamId(id), command, acting);
    return { id, status: result.state.status, version: result.version };
  }
}

const reasonOf = (body: Record<string, unknown>) => ({ reason: text(body?.['reason'], 'reason', '理由') });

@Controller('internal/third-parties')
export class ThirdPartyController {
  constructor(private readonly commands: CommandBus, @InjectRepository(ThirdPartyEntry) private readonly entries: Repository<ThirdPartyEntry>) {}

  @Post()
  @HttpCode(201)
  admit(@Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    const data = {
      kind: oneOf(body?.['kind'], ['agency', 'expert'] as const, 'kind', '类别'),
      name: text(body?.['name'], 'name', '名称'),
      qualifications: (Array.isArray(body?.['qualifications']) ? body['qualifications'] : []).map(String),
      fields: (Array.isArray(body?.['fields']) ? body['fields'] : []).map(String),
      violations: list<Record<string, unknown>>(body?.['violations'], 'violations', '违规记录').map((v, i) => ({
        date: text(v['date'], `violations[${i}].date`, '违规日期'),
        major: v['major'] === true,
        description: text(v['description'], `violations[${i}].description`, '违规情况'),
      })),
    };
    return this.commands.execute(new ChangeThirdParty(randomUUID(), { type: 'AdmitThirdParty', data }, acting));
  }

  @Post(':id/suspension')
  @HttpCode(200)
  suspend(@Param('id') id: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    return this.commands.execute(new ChangeThirdParty(id, { type: 'SuspendThirdParty', data: reasonOf(body) }, acting));
  }

  @Post(':id/reinstatement')
  @HttpCode(200)
  reinstate(@Param('id') id: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    return this.commands.execute(new ChangeThirdParty(id, { type: 'ReinstateThirdParty', data: reasonOf(body) }, acting));
  }

  @Post(':id/removal')
  @HttpCode(200)
  remove(@Param('id') id: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    return this.commands.execute(new ChangeThirdParty(id, { type: 'RemoveThirdParty', data: reasonOf(body) }, acting));
  }

  /** 关联关系: declared by the finance admin, or by the agency or expert for itself only. */
  @Post(':id/relations')
  @HttpCode(200)
  relate(@Param('id') id: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    if (acting.actor.role === 'evaluator' && acting.actor.unitId !== id) throw forbidden('ROLE_NOT_ALLOWED', '第三方只能申报本机构或本人的关联关系');
    const data = { unitId: text(body?.['unitId'], 'unitId', '关联单位'), relation: text(body?.['relation'], 'relation', '关联关系') };
    return this.commands.execute(new ChangeThirdParty(id, { type: 'DeclareThirdPartyRelation', data }, acting));
  }

  @Post(':id/ratings')
  @HttpCode(200)
  rate(@Param('id') id: string, @Body() body: Record<string, unknown>, @Acting() acting: RequestActor) {
    const data = { evaluationId: text(body?.['evaluationId'], 'evaluationId', '评价任务'), score: num(body?.['score'], 'score', '履职评价得分'), comment: typeof body?.['comment'] === 'string' ? body['comment'] : '' };
    return this.commands.execute(new ChangeThirdParty(id, { type: 'RateThirdPartyJob', data }, acting));
  }

  @Get()
  async list(@Query('kind') kind: string | undefined, @Query('status') status: string | undefined, @Acting() acting: RequestActor) {
    if (acting.actor.role === 'unit') throw forbidden('ROLE_NOT_ALLOWED', '预算单位不能查看第三方机构库');
    const where = { ...(kind ? { kind } : {}), ...(status ? { status } : {}) };
    return { items: await this.entries.find({ where, order: { name: 'ASC' } }) };
  }

  @Get(':id')
  async get(@Param('id') id: string, @Acting() acting: RequestActor) {
    if (acting.actor.role === 'unit') throw forbidden('ROLE_NOT_ALLOWED', '预算单位不能查看第三方机构库');
    const entry = await this.entries.findOneBy({ id });
    if (!entry) throw notFound('THIRD_PARTY_NOT_FOUND', '未找到该第三方机构或专家');
    return entry;
  }
}
