import type { EntityManager } from 'typeorm';
import { ident, qualified } from './sql';

/** `projection_checkpoints(name pk, position)`, written in the read model's own transaction. */
export class ProjectionCheckpoints {
  private readonly table: string;

  constructor(private readonly schema: string) {
    this.table = qualified(schema, 'projection_checkpoints');
  }

  async migrate(manager: EntityManager): Promise<void> {
    await manager.query(`CREATE SCHEMA IF NOT EXISTS ${ident(this.schema)}`);
    await manager.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      name       text PRIMARY KEY,
      position   text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  /** Reads the position and locks the row until the transaction ends (one writer per projection). */
  async lock(manager: EntityManager, name: string): Promise<string | null> {
    await manager.query(
      `INSERT INTO ${this.table} (name, position) VALUES ($1, NULL) ON CONFLICT (name) DO NOTHING`,
      [name],
    );
    const rows: { position: string | null }[] = await manager.query(
      `SELECT position FROM ${this.table} WHERE name = $1 FOR UPDATE`,
      [name],
    );
    return rows[0]?.position ?? null;
  }

  async read(manager: EntityManager, name: string): Promise<string | null> {
    const rows: { position: string | null }[] = await manager.query(
      `SELECT position FROM ${this.table} WHERE name = $1`,
      [name],
    );
    return rows[0]?.position ?? null;
  }

  async write(manager: EntityManager, name: string, position: string | null): Promise<void> {
    await manager.query(`UPDATE ${this.table} SET position = $2, updated_at = now() WHERE name = $1`, [
      name,
      position,
    ]);
  }
}
