import type { EventStoreDBClient } from '@eventstore/db-client';
import { silentLogger } from '@qms/ports';
import { EventEmitter } from 'node:events';
import { AppendNotifier } from './append-notifier';

class FakeSubscription extends EventEmitter {
  unsubscribed = false;
  async unsubscribe() {
    this.unsubscribed = true;
  }
}

// Stands in for the client: records each subscription to $all it opens.
function fakeClient() {
  const subscriptions: FakeSubscription[] = [];
  const client = {
    subscribeToAll: () => {
      const subscription = new FakeSubscription();
      subscriptions.push(subscription);
      return subscription;
    },
  } as unknown as EventStoreDBClient;
  return { client, subscriptions };
}

describe('AppendNotifier', () => {
  afterEach(() => jest.useRealTimers());

  it('subscribes with the first listener and calls it for appends elsewhere', () => {
    const { client, subscriptions } = fakeClient();
    const notifier = new AppendNotifier(client, silentLogger);
    let heard = 0;

    notifier.add(() => heard++);
    notifier.add(() => heard++);
    subscriptions[0].emit('data', {});

    expect(subscriptions).toHaveLength(1);
    expect(heard).toBe(2);
  });

  it('drops the subscription when the last listener leaves', () => {
    const { client, subscriptions } = fakeClient();
    const notifier = new AppendNotifier(client, silentLogger);
    let heard = 0;
    const off = notifier.add(() => heard++);

    off();
    notifier.notify();

    expect(heard).toBe(0);
    expect(subscriptions[0].unsubscribed).toBe(true);
  });

  it('renews a dropped subscription after a second', () => {
    jest.useFakeTimers();
    const { client, subscriptions } = fakeClient();
    const notifier = new AppendNotifier(client, silentLogger);
    let heard = 0;
    notifier.add(() => heard++);

    subscriptions[0].emit('error', new Error('connection reset'));
    jest.advanceTimersByTime(999);
    expect(subscriptions).toHaveLength(1);
    jest.advanceTimersByTime(1);
    subscriptions[1].emit('data', {});

    expect(subscriptions).toHaveLength(2);
    expect(heard).toBe(1);
  });

  it('renews nothing after close', async () => {
    jest.useFakeTimers();
    const { client, subscriptions } = fakeClient();
    const notifier = new AppendNotifier(client, silentLogger);
    notifier.add(() => undefined);

    subscriptions[0].emit('error', new Error('connection reset'));
    await notifier.close();
    jest.advanceTimersByTime(5000);

    expect(subscriptions).toHaveLength(1);
  });
});
