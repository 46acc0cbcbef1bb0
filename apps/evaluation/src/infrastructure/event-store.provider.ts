import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@bpm/event-store';
import { PG_POOL } from '@bpm/service';
import { EVENT_STORE } from './tokens';

/** The one event store, in the `event_store` schema; migrations run before the service serves. */
export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [PG_POOL],
  useFactory: async (pool: Pool) => {
    const store = new PostgresEventStore({ pool, schema: 'event_store' });
    await store.migrate();
    return store;
  },
};
