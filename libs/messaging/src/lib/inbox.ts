import type { EntityManager } from 'typeorm';
import { ident, qualified } from './sql';

/** `inbox(consumer, event_id)`: the events a consumer has already handled. */
export class Inbox {
  private readonly table: string;

  constructor(private readonly schema: string) {
    this.table = qualified(schema, 'inbox');
  }

  async migrate(manager: EntityManager): Promise<void> {
    await manager.query(`CREATE SCHEMA IF NOT EXISTS ${ident(this.schema)}`);
    await manager.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      consumer     text NOT NULL,
      event_id     text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
  }

  /** True if the event is new for this consumer (and is now recorded, within `manager`'s transaction). */
  async claim(manager: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.table} (consumer, event_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, eventId],
    );
    return rows.length === 1;
  }
}
