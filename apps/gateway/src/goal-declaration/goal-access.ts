import { Injectable } from '@nestjs/common';
import type { Actor } from '@bpm/contracts';
import { assertUnitScope } from '../auth';
import { GoalDeclarationClient, path } from './goal-declaration.client';

/** What the gateway needs of goal-declaration's goal view; the rest is passed on untouched. */
export interface GoalView {
  projectId: string;
  unitId: string;
  fiscalYear: number;
  status: string;
  [field: string]: unknown;
}

/**
 * Unit isolation for goal-scoped calls: loads the goal (as the actor) and refuses a unit
 * user of another unit with a 403 problem before anything is forwarded.
 */
@Injectable()
export class GoalAccess {
  constructor(private readonly goals: GoalDeclarationClient) {}

  async load(actor: Actor, projectId: string): Promise<GoalView> {
    const goal = await this.goals.get<GoalView>(actor, path`/internal/goals/${projectId}`);
    assertUnitScope(actor, goal.unitId);
    return goal;
  }
}
