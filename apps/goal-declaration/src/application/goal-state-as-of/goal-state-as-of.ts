import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { GoalStateAsOf as GoalStateAsOfView } from '@bpm/goal-declaration-contract';
import type { EventStore } from '@bpm/event-store';
import { ProblemException } from '@bpm/http';
import { PerformanceGoal, performanceGoalDecider, performanceGoalStreamId } from '../../domain';
import { StreamCommands } from '../../infrastructure/stream-commands';
import { EVENT_STORE } from '../../infrastructure/tokens';

export class GetGoalStateAsOf {
  constructor(readonly projectId: string, readonly asOf: Date) {}
}

const streamNotFound = (stream: string) =>
  new ProblemException(404, 'STREAM_NOT_FOUND', `未找到事件流“${stream}”：该记录不存在或尚无任何事件`, { title: '未找到' });

/**
 * 审计: the goal as it stood at a moment, folded with this service's own `evolve`, so no other
 * service re-implements the goal's rules to replay it. A moment before the first event is 404
 * NOT_YET_RECORDED; a stream with no event at all is 404 STREAM_NOT_FOUND.
 */
@QueryHandler(GetGoalStateAsOf)
export class GetGoalStateAsOfHandler implements IQueryHandler<GetGoalStateAsOf> {
  constructor(
    private readonly streams: StreamCommands,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ projectId, asOf }: GetGoalStateAsOf): Promise<GoalStateAsOfView> {
    const stream = performanceGoalStreamId(projectId);
    const { state, version, events } = await this.streams.load(performanceGoalDecider, stream, asOf);
    if (version === 0) {
      if ((await this.store.readStream(stream, { to: 1 })).length === 0) throw streamNotFound(stream);
      // The record exists now but did not yet at that moment: there is nothing to show as of then.
      throw new ProblemException(404, 'NOT_YET_RECORDED', `该记录在所查询的时点（${asOf.toISOString()}）尚不存在`, { title: '未找到' });
    }
    const last = events.at(-1);
    return {
      projectId,
      stream,
      asOf: asOf.toISOString(),
      version,
      ...(last ? { lastEventTime: last.time } : {}),
      status: state.status,
      statusLabel: PerformanceGoal.GOAL_STATUS_LABELS[state.status],
      state,
    };
  }
}

/** `asOf` as the caller sent it: an ISO 8601 moment, or now when absent. */
export function parseAsOf(asOf: string | undefined, now: () => Date = () => new Date()): Date {
  if (asOf === undefined || asOf === '') return now();
  const at = /^\d{4}-\d{2}-\d{2}T/.test(asOf) ? new Date(asOf) : new Date(NaN);
  if (Number.isNaN(at.getTime())) {
    throw new ProblemException(400, 'AS_OF_INVALID', `时点“${asOf}”格式不正确：应为 ISO 8601 时间，如 2026-03-31T23:59:59+08:00`, {
      title: '请求参数有误',
    });
  }
  return at;
}

@Controller('internal/goals')
export class GoalStateAsOfController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':projectId/state')
  state(@Param('projectId') projectId: string, @Query('asOf') asOf?: string): Promise<GoalStateAsOfView> {
    return this.queries.execute(new GetGoalStateAsOf(projectId, parseAsOf(asOf)));
  }
}
