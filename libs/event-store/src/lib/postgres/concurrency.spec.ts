import { randomUUID } from 'node:crypto';
import { Client, type ClientBase } from 'pg';
import type { RecordedEvent } from '@bpm/contracts';
import { createTestStore, DATABASE_URL } from '../../testing/pg';
import { ConcurrencyError, type ExpectedVersion } from '../port';
import { comparePositions } from '../positions';
import { appendWithRetry, poolTx, type OpenTx } from './append';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (n: number) => Math.floor(Math.random() * n);
const opts = (expectedVersion: ExpectedVersion) => ({
  expectedVersion,
  source: 'load-test',
  metadata: { actor: { id: 'sys', role: 'system' as const }, correlationId: 'load' },
});

describe('PostgreSQL store under concurrency', () => {
  let t: Awaited<ReturnType<typeof createTestStore>>;
  beforeAll(async () => (t = await createTestStore('load', { max: 20 })));
  afterAll(() => t.drop());

  it('50 writers racing on one stream: every version won exactly once, losers get ConcurrencyError', async () => {
    const s = `budget-${randomUUID()}`;
    const writer = async (w: number) => {
      let losses = 0;
      for (;;) {
        const read = (await t.store.readStream(s)).length;
        try {
          const r = await t.store.appendToStream(s, [{ type: 'Won', data: { w, read } }], opts(read));
          return { w, version: r.nextExpectedVersion, read, losses };
        } catch (err) {
          if (!(err instanceof ConcurrencyError)) throw err;
          losses++;
        }
      }
    };
    const results = await Promise.all(Array.from({ length: 50 }, (_, w) => writer(w)));

    expect(results.map((r) => r.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    for (const r of results) expect(r.version).toBe(r.read + 1);
    expect(results.reduce((n, r) => n + r.losses, 0)).toBeGreaterThan(0);
    const events = await t.store.readStream(s);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => (e.data as { w: number }).w)).size).toBe(50);
    expect((await t.store.verify({ streams: [s] })).ok).toBe(true);
  });

  it('many writers, interleaved and long transactions, a tail running: each event once, each stream in order', async () => {
    const cat = `load${randomUUID().slice(0, 8)}`;
    const streams = Array.from({ length: 8 }, () => `${cat}-${randomUUID()}`);
    const seen: RecordedEvent[] = [];
    const tail = t.store.subscribe({ categories: [cat], batchSize: 7, pollMs: 15 }, (e) => void seen.push(e));

    // Transactions that take their id early and commit late: the xid-order retry and the
    // visibility horizon both get exercised, not just the happy path.
    const fresh = poolTx(t.pool);
    let attempts = 0;
    const slowTx: OpenTx = async (attempt) => {
      attempts++;
      const tx = await fresh(attempt);
      if (attempt === 0) {
        // The caller's transaction already has an id; the store's own retries start clean.
        await tx.client.query('SELECT pg_current_xact_id()');
        await sleep(rand(25));
      }
      const query = tx.client.query.bind(tx.client) as (...args: unknown[]) => Promise<unknown>;
      const delayedCommit = {
        query: async (...args: unknown[]) => {
          if (args[0] === 'COMMIT') await sleep(rand(25));
          return query(...args);
        },
      } as unknown as ClientBase;
      return { client: delayedCommit, release: tx.release };
    };

    // Meanwhile an unrelated long transaction holds the horizon back now and then.
    let blocking = true;
    const blocker = (async () => {
      const c = new Client({ connectionString: DATABASE_URL });
      await c.connect();
      while (blocking) {
        await c.query('BEGIN');
        await c.query('SELECT pg_current_xact_id()');
        await sleep(150);
        await c.query('COMMIT');
        await sleep(50);
      }
      await c.end();
    })();

    let written = 0;
    const writer = async (w: number) => {
      for (let i = 0; i < 12; i++) {
        const s = streams[rand(streams.length)];
        const events = Array.from({ length: 1 + rand(3) }, (_, k) => ({ type: 'Load', data: { w, i, k } }));
        for (;;) {
          try {
            if (w % 3 === 0) await appendWithRetry(slowTx, t.schema, s, events, opts('any'));
            else await t.store.appendToStream(s, events, opts((await t.store.readStream(s)).length));
            written += events.length;
            break;
          } catch (err) {
            if (!(err instanceof ConcurrencyError)) throw err;
          }
        }
        await sleep(rand(10));
      }
    };
    try {
      await Promise.all(Array.from({ length: 12 }, (_, w) => writer(w)));
    } catch (err) {
      await tail.stop();
      throw err;
    } finally {
      blocking = false;
      await blocker;
    }

    for (const start = Date.now(); seen.length < written && Date.now() - start < 20_000; ) await sleep(20);
    await sleep(200); // anything delivered twice would show up now
    await tail.stop();

    expect(attempts).toBeGreaterThan(0);
    expect(seen.length).toBe(written);
    expect(new Set(seen.map((e) => e.id)).size).toBe(written);
    for (let i = 1; i < seen.length; i++) expect(comparePositions(seen[i - 1].position, seen[i].position)).toBeLessThan(0);
    for (const s of streams) {
      const versions = seen.filter((e) => e.subject === s).map((e) => e.version);
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
    }
    expect((await t.store.readAll({ categories: [cat] })).map((e) => e.id)).toEqual(seen.map((e) => e.id));
    expect(await t.store.verify({ streams })).toMatchObject({ ok: true, eventsChecked: written });
  });
});
