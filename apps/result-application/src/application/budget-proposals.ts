import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { exportDecider, proposalDecider, proposeBudget, totalsByGrade, type ExportRow, type ProjectOutcome, type ProposalCommand, type ProposalState, type RectificationState } from '../domain';
import { parametersFor } from '../infrastructure/parameters';
import { Acting, type RequestActor } from '../infrastructure/request-actor';
import { StreamCommands } from '../infrastructure/stream-commands';
import { ResultRecord } from '../projections/result-record.entity';
import { idOf, intOf, listOf, objectOf, oneOf, optionalTextOf, textOf } from './input';
import { listRecords } from './records';
import { proposalsWorkbook } from './xlsx';

export const proposalStream = (fiscalYear: number, projectId: string) => `budgetProposal-${fiscalYear}-${projectId}`;

const outcomeOf = (x: unknown, path: string, fiscalYear: number): Omit<ProjectOutcome, 'unfixedRectifications'> => {
  const o = objectOf(x, path);
  return {
    projectId: idOf(textOf(o, 'projectId', '项目编号', 100), '项目编号'),
    projectName: textOf(o, 'projectName', '项目名称', 200),
    unitId: idOf(textOf(o, 'unitId', '预算单位编号', 100), '预算单位编号'),
    fiscalYear,
    grade: oneOf(o, 'grade', '评价等级', ['excellent', 'good', 'fair', 'poor'] as const),
    continuing: o['continuing'] === true,
    requestedFen: intOf(o, 'requestedFen', '下年度申请金额（分）'),
    budgetFen: intOf(o, 'budgetFen', '本年度预算（分）'),
    executedFen: intOf(o, 'executedFen', '本年度支出（分）'),
    carryOverFen: intOf(o, 'carryOverFen', '结转金额（分）'),
    balanceFen: intOf(o, 'balanceFen', '结余金额（分）'),
  };
};

@Controller('internal/budget-proposals')
export class BudgetProposalController {
  constructor(private readonly streams: StreamCommands, @InjectRepository(ResultRecord) private readonly records: Repository<ResultRecord>) {}

  /**
   * 生成预算安排建议 for the year after `fiscalYear`: grades and execution data as given, open
   * rectification cases from this service's own records (a case not verified closed is unfixed).
   */
  @Post('generate')
  @HttpCode(200)
  async generate(@Body() body: unknown, @Acting() acting: RequestActor) {
    const o = objectOf(body);
    const fiscalYear = intOf(o, 'fiscalYear', '评价年度', 2000);
    const outcomes = listOf(o, 'outcomes', '项目评价结果', (x, path) => outcomeOf(x, path, fiscalYear), 2000);
    const open = await this.records.find({ where: { category: 'rectification', status: 'open', unitId: In([...new Set(outcomes.map((x) => x.unitId))]) } });
    const unfixed = (projectId: string) => open.filter((r) => (r.state as Extract<RectificationState, { status: 'open' }>).source.projectId === projectId).length;
    const parameters = parametersFor(fiscalYear + 1);
    const proposals = [];
    for (const outcome of outcomes) {
      const proposal = proposeBudget({ ...outcome, unfixedRectifications: unfixed(outcome.projectId) }, parameters);
      await this.streams.execute(proposalDecider, proposalStream(proposal.fiscalYear, proposal.projectId), { type: 'RecordProposal', data: { actor: acting.actor, at: acting.at, proposal } }, acting);
      proposals.push(proposal);
    }
    return { items: proposals, totals: totalsByGrade(proposals) };
  }

  /** 采纳 / 调整（附理由）/ 不采纳 (finance-admin). */
  @Post(':fiscalYear/:projectId/decision')
  @HttpCode(200)
  async decide(@Param('fiscalYear') year: string, @Param('projectId') projectId: string, @Body() body: unknown, @Acting() acting: RequestActor) {
    const o = objectOf(body);
    const decision = oneOf(o, 'decision', '审定结论', ['accept', 'change', 'reject'] as const);
    const { actor, at } = acting;
    const command: ProposalCommand =
      decision === 'accept'
        ? { type: 'AcceptProposal', data: { actor, at } }
        : decision === 'change'
          ? { type: 'ChangeProposal', data: { actor, at, amountFen: intOf(o, 'amountFen', '调整后金额（分）'), reason: optionalTextOf(o, 'reason', '调整理由') ?? '' } }
          : { type: 'RejectProposal', data: { actor, at, reason: optionalTextOf(o, 'reason', '不采纳理由') ?? '' } };
    const result = await this.streams.execute(proposalDecider, proposalStream(Number(year), idOf(projectId, '项目编号')), command, acting);
    return { projectId, state: result.state, version: result.version };
  }

  /** The proposals table with totals per grade (over every matching proposal, not the page). */
  @Get()
  async list(@Query() q: Record<string, string | undefined>) {
    const page = await listRecords(this.records, 'budgetProposal', q);
    const all = await this.records.find({ where: { category: 'budgetProposal', ...(q['fiscalYear'] ? { fiscalYear: Number(q['fiscalYear']) } : {}), ...(q['unitId'] ? { unitId: q['unitId'] } : {}) } });
    const totals = totalsByGrade(all.map((r) => (r.state as Exclude<ProposalState, { status: 'none' }>).proposal));
    return { ...page, totals };
  }

  /** 导出: the accepted (and changed) proposals of a year, .xlsx or JSON; each export is an event. */
  @Get('export')
  async export(@Query('fiscalYear') year: string, @Query('format') format: string | undefined, @Acting() acting: RequestActor, @Res() res: Response) {
    const fiscalYear = intOf({ fiscalYear: Number(year) }, 'fiscalYear', '年度', 2000);
    const fmt = oneOf({ format: format ?? 'xlsx' }, 'format', '导出格式', ['xlsx', 'json'] as const);
    const accepted = await this.records.find({ where: { category: 'budgetProposal', fiscalYear, status: 'accepted' }, order: { unitId: 'ASC', recordId: 'ASC' } });
    const rows: ExportRow[] = accepted.map((r) => {
      const s = r.state as Extract<ProposalState, { status: 'accepted' }>;
      const p = s.proposal;
      return { projectId: p.projectId, projectName: p.projectName, unitId: p.unitId, fiscalYear: p.fiscalYear, grade: p.grade, action: p.action, requestedFen: p.requestedFen, amountFen: s.amountFen, ...(s.reason ? { reason: s.reason } : {}) };
    });
    const exportId = randomUUID();
    await this.streams.execute(exportDecider, `budgetExport-${exportId}`, { type: 'ExportProposals', data: { actor: acting.actor, at: acting.at, exportId, fiscalYear, format: fmt, rows } }, acting);
    res.setHeader('x-export-id', exportId);
    if (fmt === 'json') {
      res.json({ exportId, fiscalYear, rows });
      return;
    }
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="budget-proposals-${fiscalYear}.xlsx"`);
    res.send(await proposalsWorkbook(fiscalYear, rows));
  }
}
