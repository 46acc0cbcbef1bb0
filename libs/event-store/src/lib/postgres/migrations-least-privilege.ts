import type { Migration } from './migrations';

/**
 * Migrations 3 and 4: the application role (`bpm_app`) may INSERT and SELECT events and nothing
 * else. The stream head moves by a trigger that runs as the owner (SECURITY DEFINER), so the app
 * needs no write right on `streams`; the same trigger refuses an event that does not chain to the
 * head. Signed checkpoints (4) are append-only like the events. Role names are fixed: see
 * libs/config/src/lib/db-roles-sql.ts.
 */
export const LEAST_PRIVILEGE_MIGRATIONS: Migration[] = [
  {
    id: 3,
    name: 'heads by trigger, least privilege',
    sql: `
      DO $do$
      BEGIN
        -- Built with the schema's name inlined: a SECURITY DEFINER function must pin its search_path.
        EXECUTE format($f$
          CREATE FUNCTION %1$I.advance_head() RETURNS trigger
          LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
          DECLARE
            head record;
          BEGIN
            SELECT version, last_hash INTO head FROM %1$I.streams WHERE stream_id = NEW.stream_id FOR UPDATE;
            IF coalesce(head.version, 0) + 1 <> NEW.version OR head.last_hash IS DISTINCT FROM NEW.prev_hash THEN
              RAISE EXCEPTION 'event %% of %% does not chain to the stream head (version %%)',
                NEW.version, NEW.stream_id, coalesce(head.version, 0) USING ERRCODE = 'unique_violation',
                CONSTRAINT = 'events_stream_id_version_key';
            END IF;
            INSERT INTO %1$I.streams AS s (stream_id, version, last_tx, last_hash)
              VALUES (NEW.stream_id, NEW.version, NEW.tx_id, NEW.hash)
              ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, last_tx = EXCLUDED.last_tx,
                last_hash = EXCLUDED.last_hash;
            RETURN NEW;
          END $body$;
          REVOKE ALL ON FUNCTION %1$I.advance_head() FROM PUBLIC;
        $f$, current_schema());
      END $do$;
      CREATE TRIGGER events_advance_head BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION advance_head();

      REVOKE ALL ON events, streams, migrations FROM PUBLIC;
      REVOKE ALL ON FUNCTION refuse_change() FROM PUBLIC;
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bpm_app') THEN
          EXECUTE format('GRANT USAGE ON SCHEMA %I TO bpm_app', current_schema());
          REVOKE ALL ON events, streams, migrations FROM bpm_app;
          GRANT SELECT, INSERT ON events TO bpm_app;
          GRANT SELECT ON streams, migrations TO bpm_app;
          GRANT USAGE ON SEQUENCE events_seq_seq TO bpm_app;
        END IF;
      END $$;
    `,
  },
  {
    id: 4,
    name: 'signed checkpoints',
    sql: `
      -- A checkpoint: the Merkle root over every stream's head at a global position, signed with an
      -- Ed25519 key the database never sees. The statement is the exact signed text.
      CREATE TABLE checkpoints (
        id         bigint PRIMARY KEY,
        position   text NOT NULL,
        statement  text NOT NULL,
        signature  text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- The heads that moved since the previous checkpoint: a checkpoint's leaves are, per stream,
      -- the row of the latest checkpoint at or before it.
      CREATE TABLE checkpoint_leaves (
        checkpoint_id bigint NOT NULL REFERENCES checkpoints (id),
        stream_id     text NOT NULL,
        version       integer NOT NULL,
        hash          text NOT NULL,
        PRIMARY KEY (stream_id, checkpoint_id)
      );
      CREATE INDEX checkpoint_leaves_by_checkpoint ON checkpoint_leaves (checkpoint_id);
      CREATE TRIGGER checkpoints_no_update BEFORE UPDATE OR DELETE ON checkpoints
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER checkpoint_leaves_no_update BEFORE UPDATE OR DELETE ON checkpoint_leaves
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER checkpoint_leaves_no_truncate BEFORE TRUNCATE ON checkpoint_leaves
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      REVOKE ALL ON checkpoints, checkpoint_leaves FROM PUBLIC;
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bpm_app') THEN
          GRANT SELECT, INSERT ON checkpoints, checkpoint_leaves TO bpm_app;
        END IF;
      END $$;
    `,
  },
];
