import { eventStoreContract } from '@qms/testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// EventStoreDB cannot be installed on the project's machines, so this
// suite runs only where EVENTSTORE_URL names a server, for instance
// esdb://127.0.0.1:2113?tls=false for a local insecure node.
const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDbEventStore', async () => {
    const store = EventStoreDbEventStore.fromConnectionString(url);
    return { store, dispose: () => store.close() };
  });
} else {
  describe.skip('EventStoreDbEventStore contract (skipped: no EVENTSTORE_URL)', () => {
    it('needs EVENTSTORE_URL to name a server', () => undefined);
  });
}
