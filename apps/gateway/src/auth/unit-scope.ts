import type { Actor } from '@bpm/contracts';
import { authProblems } from './auth-problems';

export interface UnitScopeOptions {
  /**
   * Set when the caller has checked that the record belongs to an evaluation assigned to
   * this evaluator. Without it an evaluator is refused: they see only their assignments.
   */
  evaluatorAssigned?: boolean;
}

/** Finance staff, auditors and the platform itself see every unit. */
const ALL_UNITS: ReadonlySet<Actor['role']> = new Set(['finance-reviewer', 'finance-admin', 'auditor', 'system']);

/** May this actor see or touch records of the given budget unit (预算单位)? */
export function canAccessUnit(actor: Actor, unitId: string, options: UnitScopeOptions = {}): boolean {
  if (ALL_UNITS.has(actor.role)) return true;
  if (actor.role === 'unit') return typeof actor.unit === 'string' && actor.unit !== '' && actor.unit === unitId;
  if (actor.role === 'evaluator') return options.evaluatorAssigned === true;
  return false;
}

/**
 * Refuses (403 problem, Chinese detail) when a unit user touches another unit's record.
 * Call it wherever a handler has loaded or been given the record's unit.
 */
export function assertUnitScope(actor: Actor, unitId: string, options: UnitScopeOptions = {}): void {
  if (canAccessUnit(actor, unitId, options)) return;
  if (actor.role === 'evaluator') throw authProblems.evaluatorNotAssigned();
  throw authProblems.unitScopeForbidden(actor.unit);
}

/**
 * For list queries: the one unit to filter by, or undefined for "all units".
 * A unit user always gets their own unit, whatever filter they asked for.
 */
export function unitFilterFor(actor: Actor, requestedUnit?: string): string | undefined {
  if (actor.role === 'unit') {
    if (requestedUnit !== undefined && requestedUnit !== actor.unit) throw authProblems.unitScopeForbidden(actor.unit);
    return actor.unit;
  }
  return requestedUnit;
}
