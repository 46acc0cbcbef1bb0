import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestStore, DATABASE_ADMIN_URL } from '../../testing/pg';
import { migrate } from './migrations';

describe('PostgreSQL store: append-only and tamper-evident', () => {
  let t: Awaited<ReturnType<typeof createTestStore>>;
  const opts = {
    expectedVersion: 'any' as const,
    source: 'audit-test',
    metadata: { actor: { id: 'a', role: 'auditor' as const }, correlationId: 'c' },
  };
  beforeAll(async () => (t = await createTestStore('immut')));
  afterAll(() => t.drop());

  it('migrations are recorded and run once', async () => {
    expect(await migrate(t.ownerPool, t.schema)).toEqual([]);
    const r = await t.pool.query(`SELECT id, name FROM "${t.schema}".migrations ORDER BY id`);
    expect(r.rows.map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events, even for the owner', async () => {
    const s = `goal-${randomUUID()}`;
    await t.store.appendToStream(s, [{ type: 'A', data: { v: 1 } }], opts);
    const events = `"${t.schema}".events`;
    const owner = t.ownerPool;
    await expect(owner.query(`UPDATE ${events} SET data = '{"v":2}' WHERE stream_id = $1`, [s])).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM ${events} WHERE stream_id = $1`, [s])).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE ${events}`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM "${t.schema}".streams WHERE stream_id = $1`, [s])).rejects.toThrow(/append-only/);
    expect((await t.store.readStream(s))[0].data).toEqual({ v: 1 });
  });

  it('grants PUBLIC no UPDATE, DELETE or TRUNCATE on events', async () => {
    const r = await t.pool.query(
      `SELECT count(*)::int AS n FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
       WHERE c.oid = $1::regclass AND a.grantee = 0 AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')`,
      [`"${t.schema}".events`],
    );
    expect(r.rows[0].n).toBe(0);
  });

  it('verify names the first event a superuser altered behind the store’s back', async () => {
    const [s1, s2] = [`goal-${randomUUID()}`, `goal-${randomUUID()}`];
    for (let i = 1; i <= 4; i++) await t.store.appendToStream(s1, [{ type: 'A', data: { i } }], opts);
    await t.store.appendToStream(s2, [{ type: 'B', data: { i: 1 } }], opts);
    expect((await t.store.verify()).ok).toBe(true);

    const victim = (await t.store.readStream(s1, { from: 3, to: 3 }))[0];
    const admin = new Pool({ connectionString: DATABASE_ADMIN_URL, max: 1 });
    const c = await admin.connect();
    try {
      // Replica mode skips ordinary triggers: exactly what a superuser could do by hand.
      await c.query('SET session_replication_role = replica');
      await c.query(`UPDATE "${t.schema}".events SET data = '{"i": 300}' WHERE event_id = $1`, [victim.id]);
      await c.query('SET session_replication_role = DEFAULT');
    } finally {
      c.release();
      await admin.end();
    }

    const report = await t.store.verify();
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual([
      { stream: s1, version: 3, eventId: victim.id, reason: 'hash does not match the stored content' },
    ]);
    expect(report.streamsChecked).toBeGreaterThanOrEqual(2);
    expect((await t.store.verify({ streams: [s2] })).ok).toBe(true);
  });
});
