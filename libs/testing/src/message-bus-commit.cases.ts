import { InfrastructureError, type BusMessage } from '@qms/ports';
import type { MessageBusCaseContext } from './message-bus.contract';
import { outgoing, recorder } from './message-bus.fixtures';
import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

/** Offsets move only after the handler resolved; stop and resume. */
export function messageBusCommitCases(ctx: MessageBusCaseContext): void {
  const { subscriptions, timeoutMs } = ctx;

  it('delivers a batch again when the subscription stopped before its handler resolved', async () => {
    const topic = uniqueName('qms.contract.v1');
    const group = uniqueName('group');
    const sent = [0, 1].map((n) => outgoing(topic, 'key-a', n));
    await ctx.bus().publish(sent);
    const seen: BusMessage[] = [];
    let abort: (reason: Error) => void = () => undefined;
    const first = await subscriptions.start({
      topic,
      group,
      handler: (batch) => {
        seen.push(...batch);
        return new Promise((_, reject) => (abort = reject));
      },
    });
    await waitFor(() => seen.length >= 1, { timeoutMs });

    const stopping = first.stop();
    abort(new Error('handler interrupted by shutdown'));
    await stopping;
    const again = recorder();
    await subscriptions.start({ topic, group, handler: again.handler });

    await waitFor(() => again.messages.length >= 2, { timeoutMs });
    expect(again.messages.map((m) => m.id)).toEqual(sent.map((m) => m.id));
  });

  it('resumes a group after its committed offset without redelivering', async () => {
    const topic = uniqueName('qms.contract.v1');
    const group = uniqueName('group');
    const early = [0, 1, 2].map((n) => outgoing(topic, 'key-a', n));
    await ctx.bus().publish(early);
    const before = recorder();
    const first = await subscriptions.start({
      topic,
      group,
      handler: before.handler,
    });
    await waitFor(() => before.messages.length >= 3, { timeoutMs });
    await first.stop();

    const late = [3, 4].map((n) => outgoing(topic, 'key-a', n));
    await ctx.bus().publish(late);
    const after = recorder();
    await subscriptions.start({ topic, group, handler: after.handler });

    await waitFor(() => after.messages.some((m) => m.id === late[1].id), {
      timeoutMs,
      description: 'the last message after resubscribing',
    });
    expect(after.messages.map((m) => m.id)).toEqual(late.map((m) => m.id));
  });

  it('retries a failing message and then goes on in order', async () => {
    const topic = uniqueName('qms.contract.v1');
    const sent = [0, 1].map((n) => outgoing(topic, 'key-a', n));
    const handled: string[] = [];
    let failures = 0;
    await subscriptions.start({
      topic,
      group: uniqueName('group'),
      handler: async (batch) => {
        if (batch.some((m) => m.id === sent[0].id) && failures < 2) {
          failures++;
          throw new InfrastructureError('DOWNSTREAM_DOWN', 'try later', true);
        }
        handled.push(...batch.map((m) => m.id));
      },
    });

    await ctx.bus().publish(sent);

    await waitFor(() => handled.length >= 2, { timeoutMs });
    expect(failures).toBe(2);
    expect(handled).toEqual(sent.map((m) => m.id));
  });

  it('moves a message that keeps failing to the dead-letter topic and delivers the rest', async () => {
    const topic = uniqueName('qms.contract.v1');
    const [poison, ...healthy] = [0, 1, 2].map((n) =>
      outgoing(topic, 'key-a', n),
    );
    const handled: string[] = [];
    let poisonAttempts = 0;
    const deadLetters = recorder();
    await subscriptions.start({
      topic: `${topic}.dlq`,
      group: uniqueName('dlq-reader'),
      handler: deadLetters.handler,
    });
    await subscriptions.start({
      topic,
      group: uniqueName('group'),
      handler: async (batch) => {
        if (batch.some((m) => m.id === poison.id)) {
          poisonAttempts++;
          throw new InfrastructureError(
            'PAYLOAD_INVALID',
            'no such level',
            false,
          );
        }
        handled.push(...batch.map((m) => m.id));
      },
    });

    await ctx.bus().publish([poison, ...healthy]);

    await waitFor(
      () => handled.length >= 2 && deadLetters.messages.length >= 1,
      { timeoutMs, description: 'the healthy messages and a dead letter' },
    );
    expect(handled).toEqual(healthy.map((m) => m.id));
    expect(poisonAttempts).toBeGreaterThan(1);
    const [deadLetter] = deadLetters.messages;
    expect(deadLetter).toMatchObject({
      topic: `${topic}.dlq`,
      key: poison.key,
      payload: { error: { code: 'PAYLOAD_INVALID' } },
    });
  });
}
