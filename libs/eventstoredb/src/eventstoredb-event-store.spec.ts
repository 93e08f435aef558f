import { InfrastructureError } from '@qms/ports';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// Port 1 on loopback: nothing listens, so every call fails at once.
const NOWHERE = 'esdb://admin:s3cret-pass@127.0.0.1:1?tls=false';

describe('EventStoreDbEventStore without a server', () => {
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    store = EventStoreDbEventStore.fromConnectionString(NOWHERE);
  });

  afterEach(() => store.close());

  it.each([
    ['readStream', () => store.readStream('escalation-1')],
    ['append', () => store.append('escalation-1', [], -1)],
    ['readAll', () => store.readAll(0, 10)],
  ])('fails %s with a retriable error', async (_, call) => {
    const failure = call();

    await expect(failure).rejects.toThrow(InfrastructureError);
    await expect(failure).rejects.toMatchObject({
      code: 'EVENT_STORE_UNAVAILABLE',
      retriable: true,
    });
  });

  it('keeps the password of the connection string out of its errors', async () => {
    const error = await store.readStream('escalation-1').catch((e) => e);

    expect(String(error.message)).not.toContain('s3cret-pass');
  });
});
