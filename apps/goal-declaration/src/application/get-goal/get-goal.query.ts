import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { PerformanceGoal } from '../../domain';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { etagOf, type HasHeaders } from '../../infrastructure/versioning';
import { loadGoal } from './load-goal';

export class GetGoal {
  constructor(readonly projectId: string, readonly asOf?: Date) {}
}

/** The goal as it stands now (or stood at `asOf`), folded from its stream: always current. */
@QueryHandler(GetGoal)
export class GetGoalHandler implements IQueryHandler<GetGoal> {
  constructor(private readonly streams: StreamCommands) {}
  async execute({ projectId, asOf }: GetGoal) {
    const { state, version } = await loadGoal(this.streams, projectId, asOf);
    return {
      ...state,
      projectId,
      unitId: state.project.unitId,
      fiscalYear: state.project.fiscalYear,
      statusLabel: PerformanceGoal.GOAL_STATUS_LABELS[state.status],
      streamVersion: version,
    };
  }
}

@Controller('internal/goals')
export class GetGoalController {
  constructor(private readonly queries: QueryBus) {}
  @Get(':projectId')
  async get(@Param('projectId') projectId: string, @Res({ passthrough: true }) res: HasHeaders, @Query('asOf') asOf?: string) {
    const goal = await this.queries.execute(new GetGoal(projectId, asOf ? new Date(asOf) : undefined));
    res.setHeader('ETag', etagOf(goal.streamVersion));
    return goal;
  }
}
