import { Controller, Get, Param } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProblemException } from '@bpm/http';
import { ExecutionMonth } from '../../projections/execution-month.entity';
import { KnownProject } from '../../projections/known-project.entity';

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
  ) {}

  async execute({ projectId }: GetProjectTimeline) {
    const project = await this.projects.findOneBy({ projectId });
    if (!project) throw new ProblemException(404, 'MONITORED_PROJECT_NOT_FOUND', `监控中没有项目${projectId}：项目未登记，或登记信息尚未同步，请稍后再试`);
    const months = await this.months.find({ where: { projectId, fiscalYear: project.fiscalYear }, order: { month: 'ASC' } });
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
