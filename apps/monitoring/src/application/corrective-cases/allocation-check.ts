import { Controller, Get, Param } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { allocationAllowed, correctiveCaseDecider, correctiveCaseStreamId } from '../../domain';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { CorrectiveCaseRow } from '../../projections/corrective-case.entity';

export class CheckAllocation {
  constructor(readonly projectId: string) {}
}

/**
 * May money go to the project (指标下达, 追加资金)? The cases are found through the read model and
 * then judged on their streams (the source of truth), with the domain's one rule.
 */
@QueryHandler(CheckAllocation)
export class CheckAllocationHandler implements IQueryHandler<CheckAllocation> {
  constructor(
    private readonly streams: StreamCommands,
    @InjectRepository(CorrectiveCaseRow) private readonly cases: Repository<CorrectiveCaseRow>,
  ) {}

  async execute({ projectId }: CheckAllocation) {
    const rows = await this.cases.find({ where: { projectId }, select: { caseId: true }, order: { caseId: 'ASC' } });
    const states = await Promise.all(rows.map(async (r) => (await this.streams.load(correctiveCaseDecider, correctiveCaseStreamId(r.caseId))).state));
    const verdict = allocationAllowed(projectId, states);
    return verdict.allowed ? { projectId, allowed: true } : { projectId, allowed: false, caseId: verdict.caseId, code: verdict.error.code, detail: verdict.error.message };
  }
}

@Controller('internal/monitoring/projects')
export class AllocationCheckController {
  constructor(private readonly queries: QueryBus) {}
  @Get(':projectId/allocation')
  check(@Param('projectId') projectId: string) {
    return this.queries.execute(new CheckAllocation(projectId));
  }
}
