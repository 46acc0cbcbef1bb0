import { describeEventStoreContract } from '../../testing/event-store.contract';
import { EventStoreDbEventStore } from './store';

// Defined only where a server is reachable, so a missing server reports nothing rather than a green skip.
const url = process.env['EVENTSTORE_URL'];
if (url) {
  describeEventStoreContract('EventStoreDB', async (upcasters) => {
    const store = new EventStoreDbEventStore({ connectionString: url, upcasters });
    return { store, teardown: () => store.close() };
  });
}
