import { Injectable } from '@nestjs/common';
import type { Actor } from '@bpm/contracts';
import { assertUnitScope } from '../auth';
import { path } from '../goal-declaration/goal-declaration.client';
import { EvaluationClient } from './evaluation.client';

type Scoped = { unitId?: string; project?: { unitId: string }; agencyId?: string; expertIds?: readonly string[]; [field: string]: unknown };

/**
 * Unit isolation before anything is forwarded: loads the record as the actor and refuses a unit
 * user of another unit (403), and an evaluator not assigned to it (the evaluator's token `unit` is
 * its agency or expert id). The service checks the same again: two walls, one rule each side.
 */
@Injectable()
export class EvaluationAccess {
  constructor(private readonly evaluation: EvaluationClient) {}

  async selfEvaluation(actor: Actor, projectId: string): Promise<Scoped> {
    const record = await this.evaluation.get<Scoped>(actor, path`/internal/self-evaluations/${projectId}`);
    assertUnitScope(actor, String(record.unitId));
    return record;
  }

  async keyEvaluation(actor: Actor, projectId: string): Promise<Scoped> {
    const record = await this.evaluation.get<Scoped>(actor, path`/internal/key-evaluations/${projectId}`);
    const assigned = actor.unit !== undefined && (record.agencyId === actor.unit || (record.expertIds ?? []).includes(actor.unit));
    assertUnitScope(actor, String(record.project?.unitId ?? record.unitId), { evaluatorAssigned: assigned });
    return record;
  }
}
