import type { Pool } from 'pg';
import { ident } from './sql';
import { LEAST_PRIVILEGE_MIGRATIONS } from './migrations-least-privilege';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Run in order, each once, inside `SET LOCAL search_path` to the store's schema. */
export const MIGRATIONS: Migration[] = [
  {
    id: 1,
    name: 'events and streams',
    sql: `
      CREATE TABLE events (
        seq            bigserial PRIMARY KEY,
        stream_id      text NOT NULL,
        category       text GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
        version        integer NOT NULL CHECK (version >= 1),
        event_id       uuid NOT NULL UNIQUE,
        type           text NOT NULL,
        source         text NOT NULL,
        schema_version integer NOT NULL CHECK (schema_version >= 1),
        data           jsonb NOT NULL,
        metadata       jsonb NOT NULL,
        time           timestamptz NOT NULL,
        prev_hash      text,
        hash           text NOT NULL,
        -- The writing transaction's id: readers order by (tx_id, seq) and stop below the oldest
        -- running transaction, so a later commit can never land behind a position already read.
        tx_id          bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
        UNIQUE (stream_id, version)
      );
      CREATE INDEX events_global ON events (tx_id, seq);
      CREATE INDEX events_category ON events (category, tx_id, seq);

      -- One row per stream: the lock appends take, and the head the next append chains to.
      CREATE TABLE streams (
        stream_id text PRIMARY KEY,
        version   integer NOT NULL,
        last_tx   bigint NOT NULL,
        last_hash text
      );
    `,
  },
  {
    id: 2,
    name: 'append-only',
    sql: `
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '%.% is append-only: % refused', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      -- Stream heads move forward (UPDATE) but never go away.
      CREATE TRIGGER streams_no_delete BEFORE DELETE ON streams
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER streams_no_truncate BEFORE TRUNCATE ON streams
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      -- Triggers stop the owner; privileges stop everyone else, including a future app role.
      REVOKE UPDATE, DELETE, TRUNCATE ON events FROM PUBLIC;
      REVOKE DELETE, TRUNCATE ON streams FROM PUBLIC;
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bpm_app') THEN
          EXECUTE format('GRANT USAGE ON SCHEMA %I TO bpm_app', current_schema());
          GRANT SELECT, INSERT ON events TO bpm_app;
          REVOKE UPDATE, DELETE, TRUNCATE ON events FROM bpm_app;
          GRANT SELECT, INSERT, UPDATE ON streams TO bpm_app;
          GRANT USAGE ON SEQUENCE events_seq_seq TO bpm_app;
        END IF;
      END $$;
    `,
  },
  ...LEAST_PRIVILEGE_MIGRATIONS,
];

/**
 * Brings the schema up to date. A transaction-scoped advisory lock per schema lets several
 * processes start at once without racing each other through the same migration.
 */
export async function migrate(pool: Pool, schema: string): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`bpm-event-store:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    await client.query(`SET LOCAL search_path TO ${ident(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await client.query<{ id: number }>('SELECT id FROM migrations')).rows.map((r) => r.id),
    );
    for (const m of [...MIGRATIONS].sort((a, b) => a.id - b.id)) {
      if (done.has(m.id)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
