import type { DataSource } from 'typeorm';
import type { EventStore } from '@bpm/event-store';
import type { Projection } from './projection';

/** What a tool needs to run projections: the store, the read-model database, the checkpoint schema. */
export interface ProjectionRuntime {
  store: EventStore;
  dataSource: DataSource;
  /** Schema of `projection_checkpoints`. */
  checkpointSchema: string;
  close(): Promise<void>;
}

/**
 * The shape of a registry module (default `tools/projections/registry.ts`): the projections, and
 * optionally how to connect to their databases when the environment defaults do not fit.
 */
export interface ProjectionRegistryModule {
  projections: Projection[];
  createRuntime?: (projection: Projection) => Promise<ProjectionRuntime>;
}

export function findProjection(registry: ProjectionRegistryModule, name: string): Projection | undefined {
  return registry.projections.find((p) => p.name === name);
}
