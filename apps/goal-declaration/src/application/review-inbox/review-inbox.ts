import { Controller, Get, Query } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';
import { ReviewTask } from '../../projections/review-task.entity';
import { pageParams, type PageParams } from '../page-params';

export class ListReviewTasks {
  constructor(
    readonly filter: { status?: string; unitId?: string; fiscalYear?: number },
    readonly page: PageParams,
  ) {}
}

/** The approvers' inbox: review tasks by state, unit and year, oldest due first. */
@QueryHandler(ListReviewTasks)
export class ListReviewTasksHandler implements IQueryHandler<ListReviewTasks> {
  constructor(@InjectRepository(ReviewTask) private readonly tasks: Repository<ReviewTask>) {}
  async execute({ filter, page }: ListReviewTasks) {
    const where: FindOptionsWhere<ReviewTask> = {};
    if (filter.status) where.status = filter.status;
    if (filter.unitId) where.unitId = filter.unitId;
    if (filter.fiscalYear) where.fiscalYear = filter.fiscalYear;
    const [items, total] = await this.tasks.findAndCount({
      where,
      order: { dueAt: 'ASC', taskId: 'ASC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    return { items, total, ...page };
  }
}

@Controller('internal/review-tasks')
export class ReviewInboxController {
  constructor(private readonly queries: QueryBus) {}
  @Get()
  list(@Query() q: Record<string, string | undefined>) {
    const filter = { status: q['status'], unitId: q['unitId'], fiscalYear: q['fiscalYear'] ? Number(q['fiscalYear']) : undefined };
    return this.queries.execute(new ListReviewTasks(filter, pageParams(q)));
  }
}
