import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { infraUrls } from '@bpm/config';
import { createTestStore, DATABASE_URL } from '../../testing/pg';

/**
 * The services log in as `bpm_app`. Every means that login has to change or remove a stored event
 * or a stream head is tried here, and each must be refused by PostgreSQL itself.
 */
describe('PostgreSQL store: the application role cannot change history', () => {
  let t: Awaited<ReturnType<typeof createTestStore>>;
  let app: Client;
  let stream: string;
  let events: string;
  let streams: string;
  const opts = {
    expectedVersion: 'any' as const,
    source: 'privilege-test',
    metadata: { actor: { id: 'a', role: 'system' as const }, correlationId: 'c' },
  };

  beforeAll(async () => {
    t = await createTestStore('priv');
    stream = `goal-${randomUUID()}`;
    await t.store.appendToStream(stream, [{ type: 'GoalReviewed', data: { rating: '良' } }], opts);
    events = `"${t.schema}".events`;
    streams = `"${t.schema}".streams`;
    app = new Client({ connectionString: DATABASE_URL });
    await app.connect();
  });
  afterAll(async () => {
    await app.end();
    await t.drop();
  });

  it('logs in as bpm_app, which is neither superuser nor owner nor member of another role', async () => {
    const r = await app.query(
      `SELECT current_user AS me, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolreplication, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_auth_members m WHERE m.member = r.oid) AS memberships,
              pg_get_userbyid(c.relowner) AS owner
       FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = $1::regclass`,
      [events],
    );
    expect(r.rows[0]).toEqual({
      me: 'bpm_app',
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
      memberships: 0,
      owner: 'bpm_owner',
    });
  });

  const refused: [string, (s: { events: string; streams: string; schema: string; stream: string }) => string][] = [
    ['UPDATE an event', (s) => `UPDATE ${s.events} SET data = '{"rating":"优"}' WHERE stream_id = '${s.stream}'`],
    ['DELETE an event', (s) => `DELETE FROM ${s.events} WHERE stream_id = '${s.stream}'`],
    ['TRUNCATE the events', (s) => `TRUNCATE ${s.events}`],
    ['disable the append-only trigger', (s) => `ALTER TABLE ${s.events} DISABLE TRIGGER events_no_update`],
    ['disable every trigger', (s) => `ALTER TABLE ${s.events} DISABLE TRIGGER ALL`],
    ['drop the trigger', (s) => `DROP TRIGGER events_no_update ON ${s.events}`],
    ['drop the events table', (s) => `DROP TABLE ${s.events}`],
    ['rename the events table', (s) => `ALTER TABLE ${s.events} RENAME TO old_events`],
    ['take the table over', (s) => `ALTER TABLE ${s.events} OWNER TO bpm_app`],
    ['add a rewriting rule', (s) => `CREATE RULE r AS ON INSERT TO ${s.events} DO INSTEAD NOTHING`],
    ['replace the trigger function', (s) => `CREATE OR REPLACE FUNCTION "${s.schema}".refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`],
    ['create objects in the store schema', (s) => `CREATE TABLE "${s.schema}".shadow (x int)`],
    ['replica mode (skips triggers)', () => `SET session_replication_role = replica`],
    ['become the owner', () => `SET ROLE bpm_owner`],
    ['become the superuser', () => `SET ROLE postgres`],
    ['act as the owner for a session', () => `SET SESSION AUTHORIZATION bpm_owner`],
    ['write a stream head', (s) => `UPDATE ${s.streams} SET last_hash = 'forged' WHERE stream_id = '${s.stream}'`],
    ['insert a stream head', (s) => `INSERT INTO ${s.streams} VALUES ('goal-forged', 9, 0, 'x')`],
    ['delete a stream head', (s) => `DELETE FROM ${s.streams} WHERE stream_id = '${s.stream}'`],
    ['rewrite the migrations record', (s) => `DELETE FROM "${s.schema}".migrations`],
    ['delete a checkpoint', (s) => `DELETE FROM "${s.schema}".checkpoints`],
    ['read server files', () => `SELECT pg_read_file('postgresql.conf')`],
    ['create a schema elsewhere', () => `CREATE SCHEMA attacker_${randomUUID().slice(0, 8)}`],
  ];

  it.each(refused)('refuses to %s', async (_what, sql) => {
    await expect(app.query(sql({ events, streams, schema: t.schema, stream }))).rejects.toThrow(
      /permission denied|must be owner|must be superuser|append-only|not allowed/,
    );
  });

  it('cannot grant itself more (PostgreSQL only warns, and grants nothing)', async () => {
    await app.query(`GRANT UPDATE, DELETE, TRUNCATE ON ${events}, ${streams} TO bpm_app`);
    const r = await app.query(
      `SELECT has_table_privilege($1, 'UPDATE') OR has_table_privilege($1, 'DELETE') OR has_table_privilege($1, 'TRUNCATE')
          OR has_table_privilege($2, 'UPDATE') OR has_table_privilege($2, 'INSERT') AS any`,
      [events, streams],
    );
    expect(r.rows[0].any).toBe(false);
  });

  it('refuses an inserted event that would replace or fork history, even one with a well-formed chain', async () => {
    const [first] = await t.store.readStream(stream);
    const insert = (version: number, prevHash: string | null) =>
      app.query(
        `INSERT INTO ${events} (stream_id, version, event_id, type, source, schema_version, data, metadata, time, prev_hash, hash)
         VALUES ($1, $2, $3, 'GoalReviewed', 'x', 1, '{"rating":"优"}', '{}', now(), $4, 'forged')`,
        [stream, version, randomUUID(), prevHash],
      );
    await expect(insert(1, null)).rejects.toThrow(/does not chain|duplicate key/);
    await expect(insert(2, 'not-the-head')).rejects.toThrow(/does not chain/);
    await expect(insert(5, first.hash)).rejects.toThrow(/does not chain/);
  });

  it('after every attempt the history is as written and verifies', async () => {
    const stored = await t.store.readStream(stream);
    expect(stored.map((e) => e.data)).toEqual([{ rating: '良' }]);
    expect((await t.store.verify({ streams: [stream] })).ok).toBe(true);
  });

  it('the read-model role has no way into the event store at all', async () => {
    const read = new Client({ connectionString: infraUrls().readModelDatabaseUrl });
    await read.connect();
    try {
      await expect(read.query(`SELECT count(*) FROM ${events}`)).rejects.toThrow(/permission denied/);
      await expect(read.query(`INSERT INTO ${streams} VALUES ('x', 1, 0, 'x')`)).rejects.toThrow(/permission denied/);
      await expect(read.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    } finally {
      await read.end();
    }
  });

  it('still appends: the head moves by the store’s own trigger', async () => {
    const r = await t.store.appendToStream(stream, [{ type: 'GoalAdjusted', data: { n: 2 } }], { ...opts, expectedVersion: 1 });
    expect(r.nextExpectedVersion).toBe(2);
    const head = await app.query(`SELECT version, last_hash FROM ${streams} WHERE stream_id = $1`, [stream]);
    expect(head.rows[0]).toEqual({ version: 2, last_hash: r.events[0].hash });
  });
});
