import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@bpm/event-store';
import type { ServiceConfig } from '@bpm/config';
import { PG_POOL, SERVICE_CONFIG } from '@bpm/service';
import { EVENT_STORE } from './tokens';

/**
 * The one event store, in the `event_store` schema. Before serving, result-application
 * migrates on a short-lived connection as the owner (DATABASE_OWNER_URL), then appends as the
 * application role (DATABASE_URL), which may only insert and read events.
 */
export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [PG_POOL, SERVICE_CONFIG],
  useFactory: async (pool: Pool, config: ServiceConfig) => {
    const store = new PostgresEventStore({ pool, schema: 'event_store', ownerConnectionString: config.DATABASE_OWNER_URL });
    await store.migrate();
    return store;
  },
};
