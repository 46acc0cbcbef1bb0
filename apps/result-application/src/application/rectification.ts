import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { AcceptFrom } from '@bpm/auth';
import { CommandBus, CommandHandler, QueryBus, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { notFound } from '@bpm/decider';
import { rectificationDecider, type EvaluationSource, type RectificationCommand, type RectificationState } from '../domain';
import { calendarFor, parametersFor } from '../infrastructure/parameters';
import { Acting, type RequestActor } from '../infrastructure/request-actor';
import { StreamCommands } from '../infrastructure/stream-commands';
import { ResultRecord } from '../projections/result-record.entity';
import { idOf, intOf, isoOf, listOf, objectOf, oneOf, optionalTextOf, textItem, textOf } from './input';
import { listRecords } from './records';

export const rectificationStream = (caseId: string) => `rectification-${caseId}`;

/** One command on one case, whatever it is: the decider tells them apart. */
export class ActOnRectification {
  constructor(readonly caseId: string, readonly build: (acting: RequestActor, state: RectificationState) => RectificationCommand, readonly acting: RequestActor) {}
}

@CommandHandler(ActOnRectification)
export class ActOnRectificationHandler implements ICommandHandler<ActOnRectification> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ caseId, build, acting }: ActOnRectification) {
    const stream = rectificationStream(caseId);
    const { state } = await this.streams.load(rectificationDecider, stream);
    const result = await this.streams.execute(rectificationDecider, stream, build(acting, state), acting);
    return { caseId, state: result.state, version: result.version, events: result.appended };
  }
}

const counting = (state: RectificationState, fiscalYear?: number) => {
  const year = fiscalYear ?? (state.status === 'none' ? new Date().getFullYear() : state.source.fiscalYear);
  return { parameters: parametersFor(year), calendar: calendarFor(year) };
};

const sourceOf = (x: unknown): EvaluationSource => {
  const o = objectOf(x, 'source');
  return {
    kind: oneOf(o, 'kind', '评价类型', ['self-evaluation', 'key-evaluation'] as const),
    evaluationId: idOf(textOf(o, 'evaluationId', '评价编号', 100), '评价编号'),
    projectId: idOf(textOf(o, 'projectId', '项目编号', 100), '项目编号'),
    unitId: idOf(textOf(o, 'unitId', '预算单位编号', 100), '预算单位编号'),
    fiscalYear: intOf(o, 'fiscalYear', '年度', 2000),
    grade: oneOf(o, 'grade', '评价等级', ['excellent', 'good', 'fair', 'poor'] as const),
    finalAt: isoOf(o, 'finalAt', '评价结果确定时间'),
  };
};

@Controller('internal/rectifications')
export class RectificationController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  /** 下达评价结果和整改要求 (finance-reviewer). */
  @Post()
  @HttpCode(201)
  issue(@Body() body: unknown, @Acting() acting: RequestActor) {
    const o = objectOf(body);
    const caseId = idOf(textOf(o, 'caseId', '整改事项编号', 100), '整改事项编号');
    const source = sourceOf(o['source']);
    const requirements = listOf(o, 'requirements', '整改要求', (x, path) => {
      const r = objectOf(x, path);
      return { requirementId: idOf(textOf(r, 'requirementId', '整改要求编号', 100), '整改要求编号'), text: textItem('整改要求内容')(r['text'], `${path}.text`) };
    });
    return this.commands.execute(
      new ActOnRectification(caseId, (a) => ({ type: 'IssueRectification', data: { actor: a.actor, at: a.at, caseId, source, requirements, ...counting({ status: 'none' }, source.fiscalYear) } }), acting),
    );
  }

  /** 单位答复整改措施 (unit, own unit only). */
  @Post(':caseId/requirements/:requirementId/answer')
  @HttpCode(200)
  answer(@Param('caseId') caseId: string, @Param('requirementId') requirementId: string, @Body() body: unknown, @Acting() acting: RequestActor) {
    const measures = listOf(objectOf(body), 'measures', '整改措施', textItem('整改措施'), 50);
    return this.commands.execute(new ActOnRectification(idOf(caseId, '整改事项编号'), (a) => ({ type: 'AnswerRequirement', data: { actor: a.actor, at: a.at, requirementId, measures } }), acting));
  }

  /** 核实整改措施: from the rectification workflow's update only, as the reviewer it validated. */
  @Post(':caseId/requirements/:requirementId/verification')
  @AcceptFrom('orchestrator')
  @HttpCode(200)
  verify(@Param('caseId') caseId: string, @Param('requirementId') requirementId: string, @Body() body: unknown, @Acting() acting: RequestActor) {
    const o = objectOf(body);
    const decision = oneOf(o, 'decision', '核实结论', ['accept', 'send-back'] as const);
    const comments = optionalTextOf(o, 'comments', '核实意见');
    return this.commands.execute(
      new ActOnRectification(idOf(caseId, '整改事项编号'), (a, s) => ({ type: 'VerifyMeasure', data: { actor: a.actor, at: a.at, requirementId, decision, ...(comments ? { comments } : {}), ...counting(s) } }), acting),
    );
  }

  /** 逾期: the workflow's answer clock only; the orchestrator acts as itself (role system). */
  @Post(':caseId/requirements/:requirementId/overdue')
  @AcceptFrom('orchestrator')
  @HttpCode(200)
  overdue(@Param('caseId') caseId: string, @Param('requirementId') requirementId: string, @Acting() acting: RequestActor) {
    const system = { ...acting, actor: { userId: acting.actor.userId, role: 'system' as const } };
    return this.commands.execute(new ActOnRectification(idOf(caseId, '整改事项编号'), (a) => ({ type: 'MarkRequirementOverdue', data: { actor: system.actor, at: a.at, requirementId } }), system));
  }

  /** 提醒 / 督办 as the workflow sent them (role system). */
  @Post(':caseId/notices')
  @AcceptFrom('orchestrator')
  @HttpCode(200)
  notice(@Param('caseId') caseId: string, @Body() body: unknown, @Acting() acting: RequestActor) {
    const o = objectOf(body);
    const kind = oneOf(o, 'kind', '通知类型', ['notice-reminder', 'answer-reminder', 'escalated'] as const);
    const requirementId = optionalTextOf(o, 'requirementId', '整改要求编号');
    const dueAt = isoOf(o, 'dueAt', '期限');
    const system = { ...acting, actor: { userId: acting.actor.userId, role: 'system' as const } };
    return this.commands.execute(
      new ActOnRectification(idOf(caseId, '整改事项编号'), (a) => ({ type: 'RecordRectificationNotice', data: { actor: system.actor, at: a.at, kind, ...(requirementId ? { requirementId } : {}), dueAt } }), system),
    );
  }

  /** Cases by state, unit and deadline (earliest open deadline first). */
  @Get()
  list(@Query() q: Record<string, string | undefined>) {
    return this.queries.execute(new ListRecords('rectification', q));
  }

  /** A unit's open requirements, each with its case and deadline. */
  @Get('open-requirements')
  async openRequirements(@Query('unitId') unitId: string) {
    const cases = (await this.queries.execute(new ListRecords('rectification', { unitId, status: 'open', pageSize: '200' }))) as { items: ResultRecord[] };
    return {
      items: cases.items.flatMap((c) => {
        const s = c.state as Extract<RectificationState, { status: 'open' }>;
        return s.requirements.filter((r) => r.status !== 'verified').map((r) => ({ caseId: s.caseId, projectId: s.source.projectId, ...r }));
      }),
    };
  }

  @Get(':caseId')
  get(@Param('caseId') caseId: string) {
    return this.queries.execute(new GetRecord(rectificationStream(idOf(caseId, '整改事项编号'))));
  }
}

export class ListRecords {
  constructor(readonly category: string, readonly q: Record<string, string | undefined>) {}
}
@QueryHandler(ListRecords)
export class ListRecordsHandler implements IQueryHandler<ListRecords> {
  constructor(@InjectRepository(ResultRecord) private readonly records: Repository<ResultRecord>) {}
  execute({ category, q }: ListRecords) {
    return listRecords(this.records, category, q);
  }
}

export class GetRecord {
  constructor(readonly stream: string) {}
}
@QueryHandler(GetRecord)
export class GetRecordHandler implements IQueryHandler<GetRecord> {
  constructor(@InjectRepository(ResultRecord) private readonly records: Repository<ResultRecord>) {}
  async execute({ stream }: GetRecord) {
    const row = await this.records.findOneBy({ stream });
    if (!row) throw notFound('RECORD_NOT_FOUND', '未找到该记录：如刚提交，可能仍在生成，请稍后重试');
    return row;
  }
}
