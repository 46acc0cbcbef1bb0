import { Injectable } from '@nestjs/common';
import type { Actor } from '@bpm/contracts';
import { ProblemException } from '@bpm/http';
import { canAccessUnit } from '../auth';
import { GoalDeclarationClient, path, type Versioned } from './goal-declaration.client';
import { UpstreamProblemException } from './upstream-problem';

/** What the gateway needs of goal-declaration's goal view; the rest is passed on untouched. */
export interface GoalView {
  projectId: string;
  unitId: string;
  fiscalYear: number;
  status: string;
  [field: string]: unknown;
}

/**
 * The one answer for "no such goal" and "another unit's goal": same status, code and
 * detail, so a unit cannot learn which project ids exist elsewhere.
 */
export const goalNotFound = (projectId: string): ProblemException =>
  new ProblemException(404, 'GOAL_NOT_FOUND', `未找到项目“${projectId}”的绩效目标`);

/**
 * Unit isolation for goal-scoped calls: loads the goal (as the actor) and answers a unit
 * user of another unit exactly as if the goal did not exist, before anything is forwarded.
 */
@Injectable()
export class GoalAccess {
  constructor(private readonly goals: GoalDeclarationClient) {}

  async load(actor: Actor, projectId: string): Promise<GoalView> {
    return (await this.read(actor, projectId)).body;
  }

  /** The goal and its ETag (stream version). */
  async read(actor: Actor, projectId: string): Promise<Versioned<GoalView>> {
    let found: Versioned<GoalView>;
    try {
      found = await this.goals.exchange<GoalView>('GET', actor, path`/internal/goals/${projectId}`);
    } catch (error) {
      if (error instanceof UpstreamProblemException && error.status === 404) throw goalNotFound(projectId);
      throw error;
    }
    if (!canAccessUnit(actor, found.body.unitId)) throw goalNotFound(projectId);
    return found;
  }
}
