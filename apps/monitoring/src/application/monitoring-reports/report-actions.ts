import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemException } from '@bpm/http';
import { monitoringReportDecider, monitoringReportStreamId, type MonitoringReportCommand, type ReportContent } from '../../domain';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';

type Action =
  | { type: 'DraftMonitoringReport'; content: ReportContent }
  | { type: 'SubmitMonitoringReport' }
  | { type: 'AcceptMonitoringReport'; comments?: string }
  | { type: 'ReturnMonitoringReport'; comments: string }
  | { type: 'RemindMonitoringReport' }
  | { type: 'MarkMonitoringReportOverdue' };

/** One of the report's life steps, by whoever the domain allows (it checks role and unit). */
export class ActOnReport {
  constructor(readonly projectId: string, readonly fiscalYear: number, readonly month: number, readonly action: Action, readonly acting: RequestActor) {}
}

@CommandHandler(ActOnReport)
export class ActOnReportHandler implements ICommandHandler<ActOnReport> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ projectId, fiscalYear, month, action, acting }: ActOnReport) {
    const { type, ...rest } = action;
    const command = { type, data: { ...rest, actor: acting.metadata.actor, at: acting.at } } as MonitoringReportCommand;
    const result = await this.streams.execute(monitoringReportDecider, monitoringReportStreamId(projectId, fiscalYear, month), command, acting);
    return reportView(result.state, result.version);
  }
}

export function reportView(state: Awaited<ReturnType<StreamCommands['load']>>['state'], version: number) {
  const s = state as ReturnType<typeof monitoringReportDecider.initialState>;
  if (s.status === 'none') throw new ProblemException(404, 'REPORT_NOT_FOUND', '该月监控报告尚未开放');
  return { status: s.status, version, ...s.report };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** 填报、提交、审核 a monthly monitoring report; reminders and overdue marks from the monthly cycle. */
@Controller('internal/monitoring/reports/:projectId/:fiscalYear/:month')
export class ReportActionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly streams: StreamCommands,
  ) {}

  @Get()
  async get(@Param('projectId') projectId: string, @Param('fiscalYear', ParseIntPipe) fiscalYear: number, @Param('month', ParseIntPipe) month: number) {
    const loaded = await this.streams.load(monitoringReportDecider, monitoringReportStreamId(projectId, fiscalYear, month));
    return reportView(loaded.state, loaded.version);
  }

  @Put('draft')
  draft(@Param() p: Record<string, string>, @Body() body: unknown, @Acting() acting: RequestActor) {
    const content = isObject(body) && isObject(body['content']) ? body['content'] : body;
    if (!isObject(content) || !Array.isArray(content['indicators'])) {
      throw new ProblemException(400, 'REPORT_CONTENT_INVALID', '报告内容应包含各指标的完成情况（indicators 数组）');
    }
    return this.act(p, { type: 'DraftMonitoringReport', content: content as unknown as ReportContent }, acting);
  }

  @Post('submission')
  @HttpCode(200)
  submit(@Param() p: Record<string, string>, @Acting() acting: RequestActor) {
    return this.act(p, { type: 'SubmitMonitoringReport' }, acting);
  }

  @Post('review')
  @HttpCode(200)
  review(@Param() p: Record<string, string>, @Body() body: { decision?: string; comments?: string }, @Acting() acting: RequestActor) {
    if (body?.decision === 'accept') return this.act(p, { type: 'AcceptMonitoringReport', comments: body.comments }, acting);
    if (body?.decision === 'return') return this.act(p, { type: 'ReturnMonitoringReport', comments: body.comments ?? '' }, acting);
    throw new ProblemException(400, 'REVIEW_DECISION_INVALID', '审核结论（decision）应为 accept（通过）或 return（退回修改）');
  }

  @Post('reminder')
  @HttpCode(200)
  remind(@Param() p: Record<string, string>, @Acting() acting: RequestActor) {
    return this.act(p, { type: 'RemindMonitoringReport' }, acting);
  }

  @Post('overdue')
  @HttpCode(200)
  overdue(@Param() p: Record<string, string>, @Acting() acting: RequestActor) {
    return this.act(p, { type: 'MarkMonitoringReportOverdue' }, acting);
  }

  private act(p: Record<string, string>, action: Action, acting: RequestActor) {
    const fiscalYear = Number(p['fiscalYear']);
    const month = Number(p['month']);
    if (!Number.isInteger(fiscalYear) || !Number.isInteger(month)) throw new ProblemException(400, 'REPORT_PATH_INVALID', '年度和月份应为整数');
    return this.commands.execute(new ActOnReport(p['projectId'], fiscalYear, month, action, acting));
  }
}
