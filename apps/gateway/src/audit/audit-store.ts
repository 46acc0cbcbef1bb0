import type { Pool } from 'pg';
import { PostgresEventStore, type EventStore } from '@bpm/event-store';
import { PG_POOL } from '@bpm/service';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';

/** The event store the auditors read (read-only use: history and verification; the goal as of a moment is asked of goal-declaration). */
export const AUDIT_EVENT_STORE = Symbol('AUDIT_EVENT_STORE');

export type AuditEventStore = Pick<EventStore, 'readStream' | 'verify'>;

export const auditEventStoreProvider = {
  provide: AUDIT_EVENT_STORE,
  inject: [PG_POOL, GATEWAY_CONFIG],
  useFactory: (pool: Pool, config: GatewayConfig): AuditEventStore =>
    new PostgresEventStore({ pool, schema: config.eventStoreSchema, listen: false }),
};
