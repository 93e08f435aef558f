import type { EventStore } from '@qms/ports';
import type { ContractOptions } from './contract-options';
import { eventStoreAppendCases } from './event-store-append.cases';
import { eventStoreReadCases } from './event-store-read.cases';

export interface EventStoreFixture {
  store: EventStore;
  dispose(): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must have. Each test gets a
 * fresh fixture from `make` and owns its streams (random suffixes), so
 * the suite may run against a shared server.
 */
export function eventStoreContract(
  name: string,
  make: () => Promise<EventStoreFixture>,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture | undefined;
    const store = (): EventStore => {
      if (!fixture) throw new Error('event store fixture is not ready');
      return fixture.store;
    };

    beforeEach(async () => {
      fixture = await make();
    });

    afterEach(async () => {
      await fixture?.dispose();
      fixture = undefined;
    });

    eventStoreAppendCases(store);
    eventStoreReadCases(store, options);
  });
}
