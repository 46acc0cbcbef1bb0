import type { KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { checkpointConfig } from '@bpm/config';
import {
  loadPublicKey,
  PostgresEventStore,
  type AuditExport,
  type EventStore,
} from '@bpm/event-store';
import { PG_POOL } from '@bpm/service';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';

/** The event store the auditors read (read-only: history, verification, export; the goal as of a moment is asked of goal-declaration). */
export const AUDIT_EVENT_STORE = Symbol('AUDIT_EVENT_STORE');

export type AuditEventStore = Pick<EventStore, 'readStream' | 'verify'> & {
  /** One record's history with the checkpoint and proof an offline verifier needs. */
  exportStream?(stream: string): Promise<AuditExport>;
};

/**
 * The checkpoint public key (CHECKPOINT_PUBLIC_KEY[_FILE]), read when first there: locally
 * goal-declaration creates the key pair on its first start, which may follow the gateway's.
 */
function lazyPublicKey(): () => KeyObject | undefined {
  let key: KeyObject | undefined;
  return () => {
    if (!key) {
      const c = checkpointConfig();
      try {
        key = loadPublicKey({ pem: c.publicKeyPem, file: c.publicKeyFile });
      } catch {
        key = undefined; // no checkpoint key yet: the chain alone is checked
      }
    }
    return key;
  };
}

export const auditEventStoreProvider = {
  provide: AUDIT_EVENT_STORE,
  inject: [PG_POOL, GATEWAY_CONFIG],
  useFactory: (pool: Pool, config: GatewayConfig): AuditEventStore => {
    const store = new PostgresEventStore({
      pool,
      schema: config.eventStoreSchema,
      listen: false,
    });
    return anchoredAuditStore(store, lazyPublicKey());
  },
};

/** Verification checked against the signed checkpoints whenever the public key is at hand. */
export function anchoredAuditStore(
  store: PostgresEventStore,
  publicKey: () => KeyObject | undefined,
): AuditEventStore {
  return {
    readStream: (stream, options) => store.readStream(stream, options),
    // Checked against the signed checkpoints too: the chain alone can be recomputed by a superuser.
    verify: (options = {}) => {
      const key = publicKey();
      return store.verify(
        key ? { ...options, checkpoints: { publicKey: key } } : options,
      );
    },
    exportStream: (stream) => store.exportStream(stream),
  };
}
