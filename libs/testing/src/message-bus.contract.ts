import type { MessageBus } from '@qms/ports';
import { DEFAULT_WAIT_MS, type ContractOptions } from './contract-options';
import { messageBusCommitCases } from './message-bus-commit.cases';
import { messageBusDeliveryCases } from './message-bus-delivery.cases';
import { Subscriptions } from './message-bus.fixtures';

export interface MessageBusFixture {
  bus: MessageBus;
  dispose(): Promise<void>;
}

export interface MessageBusCaseContext {
  bus(): MessageBus;
  subscriptions: Subscriptions;
  timeoutMs: number;
}

/**
 * The behaviour every MessageBus adapter must have. Each test gets a
 * fresh fixture from `make` and owns its topics and consumer groups
 * (random suffixes), so the suite may run against a shared broker.
 */
export function messageBusContract(
  name: string,
  make: () => Promise<MessageBusFixture>,
  options: ContractOptions = {},
): void {
  describe(`MessageBus contract: ${name}`, () => {
    let fixture: MessageBusFixture | undefined;
    const bus = (): MessageBus => {
      if (!fixture) throw new Error('message bus fixture is not ready');
      return fixture.bus;
    };
    const context: MessageBusCaseContext = {
      bus,
      subscriptions: new Subscriptions(bus),
      timeoutMs: options.waitMs ?? DEFAULT_WAIT_MS,
    };

    beforeEach(async () => {
      fixture = await make();
    });

    afterEach(async () => {
      await context.subscriptions.stopAll();
      await fixture?.dispose();
      fixture = undefined;
    });

    messageBusDeliveryCases(context);
    messageBusCommitCases(context);
  });
}
