import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { RecordedEvent } from '@bpm/contracts';
import { createTestStore, DATABASE_URL } from '../../testing/pg';
import { ConcurrencyError } from '../port';
import { comparePositions, parsePosition } from '../positions';
import { appendInTransaction, appendWithRetry, poolTx, XidOrderConflict, type OpenTx } from './append';
import type { PostgresEventStore } from './store';

/**
 * The hole: transaction A takes its id first, B (a higher id) appends v1 and commits, then A appends v2.
 * Ordered by (tx_id, seq), v2 would come before v1. The store must refuse A's attempt and redo it
 * in a fresh, higher transaction.
 */
describe('PostgreSQL global order across transaction ids', () => {
  let t: Awaited<ReturnType<typeof createTestStore>>;
  let store: PostgresEventStore;
  let a: Client;
  const opts = (expectedVersion: number | 'no-stream') => ({
    expectedVersion,
    source: 'ordering-test',
    metadata: { actor: { id: 'sys', role: 'system' as const }, correlationId: 'c' },
  });
  const xidOf = async (c: Client) => BigInt((await c.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x);

  beforeAll(async () => {
    t = await createTestStore('order');
    store = t.store;
    a = new Client({ connectionString: DATABASE_URL });
    await a.connect();
  });
  afterAll(async () => {
    await a.end();
    await t.drop();
  });

  it('control: without the check, the older transaction lands before the newer one', async () => {
    const s = `ctl-${randomUUID()}`;
    await a.query('BEGIN');
    const xidA = await xidOf(a);
    const [v1] = (await store.appendToStream(s, [{ type: 'V1', data: {} }], opts('no-stream'))).events;
    expect(xidA).toBeLessThan(parsePosition(v1.position)[0]);
    // Bypass the store: a raw insert on A's connection, as an unguarded adapter would do.
    await a.query(
      `INSERT INTO "${t.schema}".events (stream_id, version, event_id, type, source, schema_version, data, metadata, time, prev_hash, hash)
       VALUES ($1, 2, $2, 'V2', 'x', 1, '{}', '{}', now(), $3, 'x')`,
      [s, randomUUID(), v1.hash],
    );
    await a.query('COMMIT');
    const all = await t.store.readAll({ categories: ['ctl'] });
    expect(all.map((e) => e.version)).toEqual([2, 1]); // the hole, reproduced
  });

  it('refuses the older transaction and retries it in a fresh one; readers never see v2 before v1', async () => {
    const s = `goal-${randomUUID()}`;
    const tailed: RecordedEvent[] = [];
    const after = (await store.headPosition()) ?? undefined;
    const tail = store.subscribe({ after, categories: ['goal'], pollMs: 10 }, (e) => void tailed.push(e));

    // Round 1: the internal append on A's connection refuses outright.
    await a.query('BEGIN');
    const xid1 = await xidOf(a);
    const [v1] = (await store.appendToStream(s, [{ type: 'V1', data: {} }], opts('no-stream'))).events;
    expect(xid1).toBeLessThan(parsePosition(v1.position)[0]);
    // While A runs, B's committed event sits above the horizon: no reader can see it yet.
    expect(await store.readAll({ categories: ['goal'], after })).toEqual([]);
    await expect(appendInTransaction(a, t.schema, s, [{ type: 'V2', data: {} }], opts(1))).rejects.toBeInstanceOf(
      XidOrderConflict,
    );
    await a.query('ROLLBACK');

    // Round 2: the store's retry loop, whose first attempt runs on A's older transaction.
    await a.query('BEGIN');
    const xid2 = await xidOf(a);
    const [v2] = (await store.appendToStream(s, [{ type: 'V2', data: {} }], opts(1))).events;
    expect(xid2).toBeLessThan(parsePosition(v2.position)[0]);
    const attempts: number[] = [];
    const fresh = poolTx(t.pool);
    const open: OpenTx = async (attempt) => {
      attempts.push(attempt);
      return attempt === 0 ? { client: a, release: () => undefined } : fresh(attempt);
    };
    const r = await appendWithRetry(open, t.schema, s, [{ type: 'V3', data: {} }], opts(2));
    expect(attempts).toEqual([0, 1]);
    expect((await a.query('SELECT pg_current_xact_id_if_assigned() AS x')).rows[0].x).toBeNull(); // A rolled back
    const [v3] = r.events;
    expect(v3.version).toBe(3);
    expect(comparePositions(v2.position, v3.position)).toBeLessThan(0);

    // The retry re-checks the expected version: a writer slipping in between the attempts wins.
    await a.query('BEGIN');
    await xidOf(a);
    await store.appendToStream(s, [{ type: 'V4', data: {} }], opts(3));
    const racing: OpenTx = async (attempt) => {
      if (attempt === 0) return { client: a, release: () => undefined };
      await store.appendToStream(s, [{ type: 'V5', data: {} }], opts(4));
      return fresh(attempt);
    };
    const lost = await appendWithRetry(racing, t.schema, s, [{ type: 'X', data: {} }], opts(4)).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ConcurrencyError);
    expect(lost).toMatchObject({ expected: 4, actual: 5 });

    const all = await store.readAll({ categories: ['goal'], after });
    expect(all.map((e) => e.type)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5']);
    for (const start = Date.now(); tailed.length < 5 && Date.now() - start < 10_000; ) await new Promise((r) => setTimeout(r, 10));
    await tail.stop();
    expect(tailed.map((e) => e.type)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5']);
    expect((await store.verify({ streams: [s] })).ok).toBe(true);
  });
});
