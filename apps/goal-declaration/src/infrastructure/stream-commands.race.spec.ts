import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { infraUrls } from '@bpm/config';
import { PostgresEventStore } from '@bpm/event-store';
import { toProblem } from '@bpm/http';
import { performanceGoalDecider, performanceGoalStreamId } from '../domain';
import { declaration, declare, project, register, unitUser } from '../domain/performance-goal/testing/fixtures';
import type { RequestActor } from './request-actor';
import { StreamCommands } from './stream-commands';

/**
 * The lost update of issue 7, on the real PostgreSQL store: two edits based on the same
 * version (same If-Match) race; exactly one is appended, the other is 412, every time.
 */
const schema = `gd_race_${randomBytes(4).toString('hex')}`;
let pool: Pool;
let store: PostgresEventStore;
let streams: StreamCommands;

const acting: RequestActor = {
  actor: unitUser,
  metadata: { actor: { id: unitUser.userId, role: 'unit', unit: unitUser.unitId }, correlationId: 'race' },
  at: '2026-01-05T01:00:00.000Z',
};

beforeAll(async () => {
  pool = new Pool({ connectionString: infraUrls().databaseUrl, max: 10 });
  // Appends as the application role; the owner migrates (and drops), as in production.
  store = new PostgresEventStore({ pool, schema, ownerConnectionString: infraUrls().databaseOwnerUrl });
  await store.migrate();
  streams = new StreamCommands(store);
});

afterAll(async () => {
  await store?.close();
  await pool?.end();
  const owner = new Pool({ connectionString: infraUrls().databaseOwnerUrl, max: 1 });
  await owner.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => owner.end());
});

const withTarget = (annualTarget: number) => ({
  ...declaration,
  indicators: declaration.indicators.map((i) => (i.name === '改造校舍面积' ? { ...i, annualTarget } : i)),
});

describe('If-Match on the real store', () => {
  it('ten races of two edits with the same If-Match: each ends with one success and one 412', async () => {
    for (let race = 0; race < 10; race++) {
      const projectId = `P-race-${race}-${randomBytes(3).toString('hex')}`;
      const p = { ...project, projectId };
      const stream = performanceGoalStreamId(projectId);
      const registered = await streams.execute(performanceGoalDecider, stream, register(p), acting);
      const seen = registered.version; // the ETag both clients read

      const edits = [8000, 9000].map((target) =>
        streams.execute(performanceGoalDecider, stream, declare(withTarget(target), { projectId }), acting, seen),
      );
      const outcomes = await Promise.allSettled(edits);

      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const problem = toProblem(lost[0]);
      expect(problem.status).toBe(412);
      expect(problem.body).toMatchObject({ code: 'VERSION_MISMATCH' });
      expect(problem.body.detail).toMatch(/已被他人修改/);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['ProjectRegistered', 'GoalDeclared']);
    }
  });

  it('an edit based on an old version is refused before deciding; the current one passes', async () => {
    const projectId = `P-stale-${randomBytes(3).toString('hex')}`;
    const stream = performanceGoalStreamId(projectId);
    await streams.execute(performanceGoalDecider, stream, register({ ...project, projectId }), acting);
    const first = await streams.execute(performanceGoalDecider, stream, declare(withTarget(8000), { projectId }), acting, 1);
    expect(first.version).toBe(2);

    const stale = await streams
      .execute(performanceGoalDecider, stream, declare(withTarget(9000), { projectId }), acting, 1)
      .catch((e: unknown) => e);
    expect(toProblem(stale)).toMatchObject({ status: 412, body: { code: 'VERSION_MISMATCH', detail: '该记录已被他人修改（当前为第2版，您依据的是第1版），请刷新后重试' } });
    expect((await streams.execute(performanceGoalDecider, stream, declare(withTarget(9000), { projectId }), acting, 2)).version).toBe(3);
  });

  it('without If-Match the edit is appended at the version it read (last writer wins, as HTTP allows)', async () => {
    const projectId = `P-free-${randomBytes(3).toString('hex')}`;
    const stream = performanceGoalStreamId(projectId);
    await streams.execute(performanceGoalDecider, stream, register({ ...project, projectId }), acting);
    await streams.execute(performanceGoalDecider, stream, declare(withTarget(8000), { projectId }), acting);
    expect((await streams.execute(performanceGoalDecider, stream, declare(withTarget(9000), { projectId }), acting)).version).toBe(3);
  });
});
