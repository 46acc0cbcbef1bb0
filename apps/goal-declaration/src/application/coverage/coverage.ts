import { Controller, Get, Query } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProblemException } from '@bpm/http';
import { BUDGET_TYPES, BUDGET_TYPE_LABELS } from '../../domain';
import { GoalSummary } from '../../projections/goal-summary.entity';

export class GetCoverage {
  constructor(readonly fiscalYear: number, readonly unitId?: string) {}
}

const ratio = (approved: number, projects: number) => (projects ? Math.round((approved / projects) * 10000) / 10000 : 0);

/** 全覆盖: how many projects have approved goals, per budget, for a unit or the whole region. */
@QueryHandler(GetCoverage)
export class GetCoverageHandler implements IQueryHandler<GetCoverage> {
  constructor(@InjectRepository(GoalSummary) private readonly goals: Repository<GoalSummary>) {}
  async execute({ fiscalYear, unitId }: GetCoverage) {
    const query = this.goals
      .createQueryBuilder('g')
      .select('g.budget', 'budget')
      .addSelect('count(*)::int', 'projects')
      .addSelect(`count(*) filter (where g.status in ('approved', 'adjustment-requested'))::int`, 'approved')
      .where('g.fiscalYear = :fiscalYear', { fiscalYear })
      .groupBy('g.budget');
    if (unitId) query.andWhere('g.unitId = :unitId', { unitId });
    const rows: { budget: string; projects: number; approved: number }[] = await query.getRawMany();
    const byBudget = BUDGET_TYPES.map((budget) => {
      const row = rows.find((r) => r.budget === budget) ?? { projects: 0, approved: 0 };
      return { budget, budgetLabel: BUDGET_TYPE_LABELS[budget], projects: row.projects, approved: row.approved, ratio: ratio(row.approved, row.projects) };
    });
    const projects = byBudget.reduce((n, b) => n + b.projects, 0);
    const approved = byBudget.reduce((n, b) => n + b.approved, 0);
    return { fiscalYear, unitId, byBudget, total: { projects, approved, ratio: ratio(approved, projects) } };
  }
}

@Controller('internal/coverage')
export class CoverageController {
  constructor(private readonly queries: QueryBus) {}
  @Get()
  get(@Query('fiscalYear') fiscalYear?: string, @Query('unitId') unitId?: string) {
    if (!fiscalYear || !Number.isInteger(Number(fiscalYear))) {
      throw new ProblemException(400, 'FISCAL_YEAR_REQUIRED', '请指定预算年度（fiscalYear）');
    }
    return this.queries.execute(new GetCoverage(Number(fiscalYear), unitId));
  }
}
