import { Controller, Get, Query } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { ILike, type FindOptionsWhere, type Repository } from 'typeorm';
import { GoalSummary } from '../../projections/goal-summary.entity';
import { pageParams, type PageParams } from '../page-params';

export interface GoalFilter {
  unitId?: string;
  fiscalYear?: number;
  status?: string;
  budget?: string;
  /** Part of the project's name or code (项目名称或编码), case-insensitive. */
  search?: string;
}

export class ListGoals {
  constructor(readonly filter: GoalFilter, readonly page: PageParams) {}
}

/** Goals (one per project) by unit, year, state and a name-or-code search, from the read model. */
@QueryHandler(ListGoals)
export class ListGoalsHandler implements IQueryHandler<ListGoals> {
  constructor(@InjectRepository(GoalSummary) private readonly goals: Repository<GoalSummary>) {}
  async execute({ filter, page }: ListGoals) {
    const where: FindOptionsWhere<GoalSummary> = {};
    if (filter.unitId) where.unitId = filter.unitId;
    if (filter.fiscalYear) where.fiscalYear = filter.fiscalYear;
    if (filter.status) where.status = filter.status;
    if (filter.budget) where.budget = filter.budget;
    // A search matches the name or the code: two OR-ed conditions, each with the other filters.
    const term = filter.search?.trim();
    const like = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    const [items, total] = await this.goals.findAndCount({
      where: like ? [{ ...where, name: ILike(like) }, { ...where, projectId: ILike(like) }] : where,
      order: { fiscalYear: 'DESC', unitId: 'ASC', projectId: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items, total, ...page };
  }
}

@Controller('internal/goals')
export class ListGoalsController {
  constructor(private readonly queries: QueryBus) {}
  @Get()
  list(@Query() q: Record<string, string | undefined>) {
    const filter = { unitId: q['unitId'], status: q['status'], budget: q['budget'], fiscalYear: q['fiscalYear'] ? Number(q['fiscalYear']) : undefined, search: q['search'] };
    return this.queries.execute(new ListGoals(filter, pageParams(q)));
  }
}
