import { infraUrls } from '../../libs/config/src/lib/infra-defaults';
import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@bpm/event-store';
import {
  findProjection,
  ProjectionRunner,
  type Projection,
  type ProjectionRegistryModule,
  type ProjectionRuntime,
} from '@bpm/messaging';

const USAGE = 'usage: npx tsx tools/projections/rebuild.ts <projection-name> [--registry <module>] [--list]';

async function defaultRuntime(projection: Projection): Promise<ProjectionRuntime> {
  const env = process.env;
  const urls = infraUrls(env);
  const readModelSchema = env['READ_MODEL_SCHEMA'] ?? 'public';
  // Events are read as the application role; the read model is rebuilt as the read-model role.
  const store = new PostgresEventStore({ connectionString: urls.databaseUrl, schema: env['EVENT_STORE_SCHEMA'] ?? 'event_store' });
  const dataSource = new DataSource({
    type: 'postgres',
    url: urls.readModelDatabaseUrl,
    schema: readModelSchema,
    // Only entity classes and schemas can be registered; table names as strings must already be known.
    entities: projection.tables.filter((t) => typeof t !== 'string') as DataSource['options']['entities'],
  });
  await dataSource.initialize();
  return {
    store,
    dataSource,
    checkpointSchema: env['PROJECTION_CHECKPOINT_SCHEMA'] ?? readModelSchema,
    close: async () => {
      await dataSource.destroy();
      await store.close();
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      registry: { type: 'string', default: path.join(__dirname, 'registry.ts') },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const registry = (await import(path.resolve(values.registry))) as ProjectionRegistryModule;
  if (!Array.isArray(registry.projections)) {
    console.error(`${values.registry} does not export a \`projections\` array`);
    return 2;
  }
  const names = registry.projections.map((p) => p.name);
  if (values.list) {
    console.log(names.join('\n'));
    return 0;
  }
  const [name] = positionals;
  const projection = name ? findProjection(registry, name) : undefined;
  if (!projection) {
    console.error(name ? `unknown projection "${name}"; known: ${names.join(', ') || '(none)'}` : USAGE);
    return 2;
  }

  const runtime = await (registry.createRuntime ?? defaultRuntime)(projection);
  try {
    const runner = new ProjectionRunner({
      projection,
      store: runtime.store,
      dataSource: runtime.dataSource,
      schema: runtime.checkpointSchema,
    });
    const started = Date.now();
    const applied = await runner.rebuild();
    const lag = await runner.lag();
    console.log(
      JSON.stringify({
        projection: projection.name,
        applied,
        position: lag.position,
        eventsBehind: lag.eventsBehind,
        ms: Date.now() - started,
      }),
    );
    return 0;
  } finally {
    await runtime.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
