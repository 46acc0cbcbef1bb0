import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProblemException } from '@bpm/http';
import { monitoringReportDecider, monitoringReportStreamId, monthlyReportSchedule, type ReportKind } from '../../domain';
import { calendarFor, parametersFor } from '../../infrastructure/region';
import { Acting, type RequestActor } from '../../infrastructure/request-actor';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { KnownProject } from '../../projections/known-project.entity';
import { currentFigures } from '../import-execution-data/current-figures';
import { indicatorsFromGoal } from './indicators-from-goal';

export class OpenReport {
  constructor(readonly projectId: string, readonly month: number, readonly kind: ReportKind, readonly acting: RequestActor) {}
}

/**
 * 开放月度监控报告, for a project with an approved goal: its indicators, the region's parameters
 * and the due date from the region's calendar; the month's figures if already imported.
 * Called by the monthly cycle (system) or by a finance reviewer.
 */
@CommandHandler(OpenReport)
export class OpenReportHandler implements ICommandHandler<OpenReport> {
  constructor(
    private readonly streams: StreamCommands,
    @InjectRepository(KnownProject) private readonly projects: Repository<KnownProject>,
  ) {}

  async execute({ projectId, month, kind, acting }: OpenReport) {
    const project = await this.projects.findOneBy({ projectId });
    if (!project) throw new ProblemException(404, 'MONITORED_PROJECT_NOT_FOUND', `监控中没有项目${projectId}：项目未登记，或登记信息尚未同步`);
    if (project.status !== 'approved') throw new ProblemException(422, 'GOAL_NOT_APPROVED', `项目${projectId}的绩效目标尚未批复，不能开展绩效运行监控`);
    const parameters = parametersFor(project.region, project.fiscalYear);
    const schedule = monthlyReportSchedule(month, parameters, calendarFor(project.region));
    const execution = await currentFigures(this.streams, projectId, project.fiscalYear, month);
    const stream = monitoringReportStreamId(projectId, project.fiscalYear, month);
    const result = await this.streams.execute(
      monitoringReportDecider,
      stream,
      {
        type: 'OpenMonitoringReport',
        data: {
          projectId, unitId: project.unitId, fiscalYear: project.fiscalYear, month, kind, goalVersion: project.approvedVersion ?? 0,
          indicators: indicatorsFromGoal(project.approvedDeclaration), dueAt: schedule.dueAt, parameters,
          ...(execution ? { execution } : {}), actor: acting.metadata.actor, at: acting.at,
        },
      },
      acting,
    );
    return { stream, status: result.state.status, dueAt: schedule.dueAt };
  }
}

@Controller('internal/monitoring/reports')
export class OpenReportController {
  constructor(private readonly commands: CommandBus) {}
  @Post()
  @HttpCode(201)
  open(@Body() body: { projectId?: string; month?: number; kind?: ReportKind }, @Acting() acting: RequestActor) {
    if (typeof body?.projectId !== 'string' || !Number.isInteger(body?.month)) {
      throw new ProblemException(400, 'REPORT_REQUEST_INVALID', '请提供项目编号（projectId）和月份（month，1至12的整数）');
    }
    return this.commands.execute(new OpenReport(body.projectId, body.month as number, body.kind ?? 'project', acting));
  }
}
