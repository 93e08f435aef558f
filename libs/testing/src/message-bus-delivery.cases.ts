import type { BusMessage, KeyOwnership } from '@qms/ports';
import type { MessageBusCaseContext } from './message-bus.contract';
import { outgoing, payloadN, recorder } from './message-bus.fixtures';
import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** What a subscriber receives: envelopes, order per key, groups. */
export function messageBusDeliveryCases(ctx: MessageBusCaseContext): void {
  const { subscriptions, timeoutMs } = ctx;

  it('delivers to a new group from the start of the topic, in order per key, with the whole envelope', async () => {
    const topic = uniqueName('qms.contract.v1');
    const sent = [0, 1, 2, 3, 4, 5].map((n) =>
      outgoing(topic, n % 2 ? 'key-b' : 'key-a', n),
    );
    sent[0].timestamp = '2024-05-01T10:00:00.000Z';
    await ctx.bus().publish(sent);
    const received = recorder();

    await subscriptions.start({
      topic,
      group: uniqueName('group'),
      handler: received.handler,
    });

    await waitFor(() => received.messages.length >= sent.length, {
      timeoutMs,
      description: 'every published message',
    });
    expect(received.messages).toHaveLength(sent.length);
    for (const key of ['key-a', 'key-b']) {
      expect(numbersFor(received.messages, key)).toEqual(
        sent.filter((m) => m.key === key).map(payloadN),
      );
    }
    for (const message of sent) {
      const got = received.messages.find((m) => m.id === message.id);
      // A publisher's timestamp is kept; otherwise the bus stamps one.
      const timestamp = message.timestamp ?? expect.stringMatching(ISO_TIME);
      expect(got).toEqual(expect.objectContaining({ ...message, timestamp }));
    }
  });

  it('delivers messages published after the subscription started', async () => {
    const topic = uniqueName('qms.contract.v1');
    const received = recorder();
    await subscriptions.start({
      topic,
      group: uniqueName('group'),
      handler: received.handler,
    });

    const sent = [outgoing(topic, 'key-a', 0), outgoing(topic, 'key-a', 1)];
    await ctx.bus().publish(sent);

    await waitFor(() => received.messages.length >= 2, { timeoutMs });
    expect(received.messages.map((m) => m.id)).toEqual(sent.map((m) => m.id));
  });

  it('gives every consumer group its own copy of each message', async () => {
    const topic = uniqueName('qms.contract.v1');
    const sent = [0, 1, 2].map((n) => outgoing(topic, 'key-a', n));
    await ctx.bus().publish(sent);
    const [first, second] = [recorder(), recorder()];

    for (const { handler } of [first, second]) {
      await subscriptions.start({ topic, group: uniqueName('group'), handler });
    }

    await waitFor(
      () => first.messages.length >= 3 && second.messages.length >= 3,
      { timeoutMs, description: 'both groups to get all messages' },
    );
    const ids = sent.map((m) => m.id);
    expect(first.messages.map((m) => m.id)).toEqual(ids);
    expect(second.messages.map((m) => m.id)).toEqual(ids);
  });

  it('tells the sole member of a group that it holds every key', async () => {
    const topic = uniqueName('qms.contract.v1');
    const received = recorder();
    let owns: KeyOwnership | undefined;
    await subscriptions.start({
      topic,
      group: uniqueName('group'),
      handler: received.handler,
      onAssignment: (o) => (owns = o),
    });
    await ctx.bus().publish([outgoing(topic, 'key-a', 0)]);

    await waitFor(() => received.messages.length >= 1, { timeoutMs });
    await waitFor(() => owns !== undefined, { timeoutMs });
    const keys = Array.from({ length: 50 }, (_, i) => `key-${i}`);
    expect(keys.filter((k) => !owns?.(k))).toEqual([]);
  });
}

function numbersFor(messages: BusMessage[], key: string): number[] {
  return messages.filter((m) => m.key === key).map(payloadN);
}
