import type { Pool } from 'pg';
import { qualified, ident } from './sql';

/** Durable relay positions: `relay_checkpoints(relay_name pk, position)` in a given schema. */
export class RelayCheckpoints {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.table = qualified(schema, 'relay_checkpoints');
  }

  async migrate(): Promise<void> {
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${ident(this.schema)}`);
    await this.pool.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      relay_name text PRIMARY KEY,
      position   text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async load(relayName: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ position: string | null }>(
      `SELECT position FROM ${this.table} WHERE relay_name = $1`,
      [relayName],
    );
    return rows[0]?.position ?? null;
  }

  async save(relayName: string, position: string | null): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (relay_name, position) VALUES ($1, $2)
       ON CONFLICT (relay_name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
      [relayName, position],
    );
  }
}
