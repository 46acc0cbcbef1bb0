import { DataSource } from 'typeorm';
import { infraUrls } from '@bpm/config';
import { PostgresEventStore } from '@bpm/event-store';
import type { Projection, ProjectionRuntime } from '@bpm/messaging';
import { goalReadModel } from '../../apps/goal-declaration/src/projections/goal-projections';

/**
 * Every projection the platform runs, by name: `npx tsx tools/projections/rebuild.ts <name>`
 * empties its tables, resets its checkpoint and folds the store again from position zero.
 */
export const projections: Projection[] = [goalReadModel];

/** Where each projection keeps its checkpoint: the schema of its service's read models. */
const checkpointSchemas: Record<string, string> = { [goalReadModel.name]: 'goal_declaration' };

export async function createRuntime(projection: Projection): Promise<ProjectionRuntime> {
  const urls = infraUrls();
  // Events are read as the application role; the read model is rebuilt as the read-model role.
  const store = new PostgresEventStore({ connectionString: urls.databaseUrl, schema: 'event_store', listen: false });
  const dataSource = await new DataSource({
    type: 'postgres',
    url: urls.readModelDatabaseUrl,
    entities: projection.tables.filter((t) => typeof t !== 'string') as DataSource['options']['entities'],
  }).initialize();
  return {
    store,
    dataSource,
    checkpointSchema: checkpointSchemas[projection.name] ?? 'public',
    close: async () => {
      await dataSource.destroy();
      await store.close();
    },
  };
}
