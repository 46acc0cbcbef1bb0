import { Controller, Get, Param } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProblemException } from '@bpm/http';
import { CorrectiveCaseRow } from '../../projections/corrective-case.entity';
import { ExecutionMonth } from '../../projections/execution-month.entity';
import { KnownProject } from '../../projections/known-project.entity';
import { MonitoringReportRow } from '../../projections/monitoring-report.entity';

export class GetProjectTimeline {
  constructor(readonly projectId: string) {}
}

/** Per mille, rounded half up, in integers: 250 means 25.0 %. */
const perMille = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) : null);

/**
 * 项目监控时间线: the project as monitoring knows it, and month by month the execution curve
 * (paid ÷ budget) against time progress (month ÷ 12).
 */
@QueryHandler(GetProjectTimeline)
export class GetProjectTimelineHandler implements IQueryHandler<GetProjectTimeline> {
  constructor(
    @InjectRepository(KnownProject) private readonly projects: Repository<KnownProject>,
    @InjectRepository(ExecutionMonth) private readonly months: Repository<ExecutionMonth>,
    @InjectRepository(MonitoringReportRow) private readonly reports: Repository<MonitoringReportRow>,
    @InjectRepository(CorrectiveCaseRow) private readonly cases: Repository<CorrectiveCaseRow>,
  ) {}

  async execute({ projectId }: GetProjectTimeline) {
    const project = await this.projects.findOneBy({ projectId });
    if (!project) throw new ProblemException(404, 'MONITORED_PROJECT_NOT_FOUND', `监控中没有项目${projectId}：项目未登记，或登记信息尚未同步，请稍后再试`);
    const where = { projectId, fiscalYear: project.fiscalYear };
    const [months, reports, cases] = await Promise.all([
      this.months.find({ where, order: { month: 'ASC' } }),
      this.reports.find({ where, order: { month: 'ASC' } }),
      this.cases.find({ where, order: { month: 'ASC', caseId: 'ASC' } }),
    ]);
    return {
      project: {
        projectId: project.projectId, unitId: project.unitId, region: project.region, fiscalYear: project.fiscalYear, name: project.name,
        budget: project.budget, projectType: project.projectType, budgetFen: project.budgetFen, status: project.status,
        approvedVersion: project.approvedVersion, approvedAt: project.approvedAt,
      },
      months: months.map((m) => ({
        month: m.month,
        budgetFen: m.budgetFen,
        allocatedFen: m.allocatedFen,
        paidFen: m.paidFen,
        expectedCarryOverFen: m.expectedCarryOverFen,
        revision: m.revision,
        channel: m.channel,
        importId: m.importId,
        executionRatePerMille: perMille(m.paidFen, m.budgetFen),
        timeProgressPerMille: perMille(m.month, 12),
      })),
      // Each report with its signals: execution ratio and every indicator's progress, green included.
      reports: reports.map((r) => ({ month: r.month, kind: r.kind, status: r.status, dueAt: r.dueAt, overdue: r.overdue, late: r.late, level: r.level, signals: r.signals, warnings: r.warnings })),
      cases: cases.map((c) => ({ caseId: c.caseId, month: c.month, status: c.status, dueAt: c.dueAt, choice: c.choice, late: c.late, allocation: c.allocation, warning: c.warning })),
    };
  }
}

@Controller('internal/monitoring/projects')
export class ProjectTimelineController {
  constructor(private readonly queries: QueryBus) {}
  @Get(':projectId')
  get(@Param('projectId') projectId: string) {
    return this.queries.execute(new GetProjectTimeline(projectId));
  }
}
