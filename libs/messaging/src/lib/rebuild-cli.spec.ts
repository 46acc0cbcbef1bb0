import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { FixtureGoalCount } from '../test/fixture-registry';
import { Harness, infra } from '../test/harness';

jest.setTimeout(90_000);

const root = path.resolve(__dirname, '../../../..');
const run = promisify(execFile);

describe('tools/projections/rebuild.ts', () => {
  let h: Harness;
  let ds: DataSource;

  beforeAll(async () => {
    h = await new Harness().init();
    ds = await h.dataSource([FixtureGoalCount]);
  });
  afterAll(() => h.close());

  const rebuild = (...args: string[]) =>
    run(path.join(root, 'node_modules/.bin/tsx'), ['tools/projections/rebuild.ts', ...args], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: infra.databaseUrl,
        READ_MODEL_DATABASE_URL: infra.readModelDatabaseUrl,
        EVENT_STORE_SCHEMA: h.storeSchema,
        READ_MODEL_SCHEMA: h.schema,
      },
    });
  const registry = ['--registry', 'libs/messaging/src/test/fixture-registry.ts'];

  it('rebuilds a named projection from a registry module, from zero, to the same read model', async () => {
    await h.append('goal-a', ['Declared', 'Revised']);
    await h.append('goal-b', ['Declared']);
    await h.append('indicator-x', ['Defined']);
    await h.settled();

    const first = JSON.parse((await rebuild('fixture-goal-count', ...registry)).stdout.trim().split('\n').pop()!);
    expect(first).toMatchObject({ projection: 'fixture-goal-count', applied: 3, eventsBehind: 0 });
    const expected = [
      { stream: 'goal-a', n: 2 },
      { stream: 'goal-b', n: 1 },
    ];
    const rows = () => ds.getRepository(FixtureGoalCount).find({ order: { stream: 'ASC' } });
    expect(await rows()).toEqual(expected);

    await ds.getRepository(FixtureGoalCount).save({ stream: 'goal-a', n: 42 }); // drifted read model
    const second = JSON.parse((await rebuild('fixture-goal-count', ...registry)).stdout.trim().split('\n').pop()!);
    expect(second).toMatchObject({ applied: 3, position: first.position });
    expect(await rows()).toEqual(expected);
  });

  it('refuses an unknown projection name with exit code 2 and lists the known ones', async () => {
    await expect(rebuild('nope', ...registry)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('known: fixture-goal-count'),
    });
  });
});
