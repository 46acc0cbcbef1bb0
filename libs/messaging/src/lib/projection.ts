import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';

/** A read model: folds events into tables it owns, through the runner's transaction. */
export interface Projection {
  /** Unique; the checkpoint key and the CLI's argument. */
  name: string;
  /** Stream categories it reads (default: all). */
  categories?: string[];
  /** The tables (TypeORM entities) it owns: rebuild() empties exactly these. */
  tables: EntityTarget<ObjectLiteral>[];
  /** Apply one event. Must write only through `manager`, and be deterministic. */
  apply(event: RecordedEvent, manager: EntityManager): Promise<void>;
}

/** Helper that keeps a projection's declaration typed. */
export function defineProjection(projection: Projection): Projection {
  return projection;
}
