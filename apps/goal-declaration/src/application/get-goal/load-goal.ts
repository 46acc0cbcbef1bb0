import { ProblemException } from '@bpm/http';
import { performanceGoalDecider, performanceGoalStreamId, type PerformanceGoal } from '../../domain';
import type { Loaded, StreamCommands } from '../../infrastructure/stream-commands';

/** A project's goal stream folded; 404 when the project was never registered. */
export async function loadGoal(streams: StreamCommands, projectId: string, asOf?: Date): Promise<Loaded<PerformanceGoal.RegisteredGoal>> {
  const loaded = await streams.load(performanceGoalDecider, performanceGoalStreamId(projectId), asOf);
  const { state } = loaded;
  if (state.status === 'unregistered') {
    throw new ProblemException(404, 'GOAL_NOT_FOUND', `未找到项目“${projectId}”的绩效目标`);
  }
  return { ...loaded, state };
}
