import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import { defineProjection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { eventually, Harness, silentLogger } from '../test/harness';

jest.setTimeout(60_000);

@Entity({ name: 'goal_summary' })
class GoalSummary {
  @PrimaryColumn({ type: 'text' }) stream!: string;
  @Column({ type: 'int' }) events!: number;
  @Column({ type: 'text' }) lastType!: string;
  @Column({ type: 'int' }) lastVersion!: number;
}

@Entity({ name: 'goal_type_count' })
class GoalTypeCount {
  @PrimaryColumn({ type: 'text' }) type!: string;
  @Column({ type: 'int' }) n!: number;
}

describe('ProjectionRunner (real PostgreSQL)', () => {
  let h: Harness;
  let ds: DataSource;
  let failOn: string | undefined;
  const runners: ProjectionRunner[] = [];

  const projection = defineProjection({
    name: 'goal-summary',
    categories: ['goal'],
    tables: [GoalSummary, GoalTypeCount],
    async apply(event: RecordedEvent, manager) {
      const summaries = manager.getRepository(GoalSummary);
      const current = await summaries.findOneBy({ stream: event.subject });
      await summaries.save({
        stream: event.subject,
        events: (current?.events ?? 0) + 1,
        lastType: event.type,
        lastVersion: event.version,
      });
      await manager.query(
        `INSERT INTO "${h.schema}".goal_type_count (type, n) VALUES ($1, 1)
         ON CONFLICT (type) DO UPDATE SET n = goal_type_count.n + 1`,
        [event.type],
      );
      if (event.id === failOn) throw new Error(`apply failed on ${event.type}`);
    },
  });

  const runner = (batchSize = 4) => {
    const r = new ProjectionRunner({
      projection,
      store: h.store,
      dataSource: ds,
      schema: h.schema,
      batchSize,
      pollIntervalMs: 50,
      errorBackoffMs: 100,
      logger: silentLogger,
    });
    runners.push(r);
    return r;
  };

  const readModel = async () => ({
    summaries: await ds.getRepository(GoalSummary).find({ order: { stream: 'ASC' } }),
    counts: await ds.getRepository(GoalTypeCount).find({ order: { type: 'ASC' } }),
  });
  const total = async () => (await ds.getRepository(GoalSummary).sum('events')) ?? 0;

  beforeAll(async () => {
    h = await new Harness().init();
    ds = await h.dataSource([GoalSummary, GoalTypeCount]);
  });
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await h.close();
  });

  it('writes the read model and the checkpoint in one transaction: a failed batch leaves neither', async () => {
    const a = await h.append('goal-1', ['Declared', 'Revised', 'Submitted', 'Approved']);
    const b = await h.append('goal-2', ['Declared', 'Revised', 'Submitted']);
    await h.append('indicator-1', ['Defined']); // another category: not this projection's
    await h.settled();
    const r = runner(4);
    expect(await r.lag()).toMatchObject({ position: null, eventsBehind: 7, capped: false });

    expect(await r.processBatch()).toBe(4);
    expect(await r.position()).toBe(a.events[3].position);

    failOn = b.events[1].id; // second event of the second batch: the first one is applied, then this throws
    await expect(r.processBatch()).rejects.toThrow('apply failed on Revised');
    expect(await r.position()).toBe(a.events[3].position);
    expect(await total()).toBe(4);
    expect(await ds.getRepository(GoalSummary).findOneBy({ stream: 'goal-2' })).toBeNull();
    expect((await r.lag()).eventsBehind).toBe(3);

    failOn = undefined;
    expect(await r.catchUp()).toBe(3);
    expect(await r.position()).toBe(b.events[2].position);
    expect(await total()).toBe(7);
    expect(await r.lag()).toMatchObject({ eventsBehind: 0 });
  });

  it('rebuild() from zero produces the same read model', async () => {
    await h.append('goal-3', ['Declared', 'Withdrawn']);
    await h.append('goal-1', ['Reopened']);
    await h.settled();
    const r = runner(3);
    await r.catchUp();
    const before = await readModel();
    const position = await r.position();
    expect(before.summaries.map((s) => [s.stream, s.events])).toEqual([
      ['goal-1', 5],
      ['goal-2', 3],
      ['goal-3', 2],
    ]);

    // Corrupt the read model behind the runner's back: rebuild must not depend on what is there.
    await ds.getRepository(GoalTypeCount).save({ type: 'Bogus', n: 99 });
    expect(await r.rebuild()).toBe(10);
    expect(await readModel()).toEqual(before);
    expect(await r.position()).toBe(position);
    expect((await r.lag()).eventsBehind).toBe(0);
  });

  it('runs continuously, follows new events, and rebuilds while running', async () => {
    const r = runner(2);
    await r.start();
    await h.append('goal-4', ['Declared', 'Revised', 'Submitted']);
    await h.settled();
    await eventually(async () => (await total()) === 13, 15_000, 'projection followed the new events');
    expect((await r.lag()).eventsBehind).toBe(0);
    const before = await readModel();
    expect(await r.rebuild()).toBe(13);
    expect(await readModel()).toEqual(before);
    await h.append('goal-4', ['Approved']);
    await h.settled();
    await eventually(async () => (await total()) === 14, 15_000, 'still running after rebuild');
    await r.stop();
  });
});
