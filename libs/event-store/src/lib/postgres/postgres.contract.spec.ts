import { describeEventStoreContract } from '../../testing/event-store.contract';
import { createTestStore } from '../../testing/pg';

describeEventStoreContract('PostgreSQL', async (upcasters) => {
  const { store, drop } = await createTestStore('contract', { upcasters });
  return { store, teardown: drop };
});
