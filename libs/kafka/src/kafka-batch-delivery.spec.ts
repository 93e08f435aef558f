import {
  InfrastructureError,
  MAX_ATTEMPTS,
  silentLogger,
  type BusMessage,
  type OutgoingMessage,
} from '@qms/ports';
import { BatchDelivery, type DeliveryControl } from './kafka-batch-delivery';

const TOPIC = 'qms.events.v1';

function message(n: number): BusMessage {
  return {
    id: `m${n}`,
    topic: TOPIC,
    key: 'fp-1',
    type: 'EventAccepted',
    schemaVersion: 1,
    timestamp: '2025-01-01T00:00:00.000Z',
    payload: { n },
    offset: `0:${n}`,
  };
}

const poison = () => new InfrastructureError('PAYLOAD_INVALID', 'bad', false);
const outage = () => new InfrastructureError('DOWNSTREAM_DOWN', 'later', true);

type Publish = (messages: OutgoingMessage[]) => Promise<void>;

function setup(
  fail: (batch: BusMessage[], call: number) => Error | void,
  publish?: Publish,
) {
  const calls: string[][] = [];
  const deadLetters: OutgoingMessage[] = [];
  const control: DeliveryControl & { pauses: number[] } = {
    pauses: [],
    active: () => true,
    heartbeat: async () => undefined,
    pause: async (ms) => void control.pauses.push(ms),
  };
  const delivery = new BatchDelivery(
    {
      topic: TOPIC,
      group: 'g1',
      handler: async (batch) => {
        calls.push(batch.map((m) => m.id));
        const error = fail(batch, calls.length);
        if (error) throw error;
      },
    },
    publish ?? (async (messages) => void deadLetters.push(...messages)),
    silentLogger,
  );
  return { calls, deadLetters, control, delivery };
}

describe('BatchDelivery', () => {
  it('hands a healthy batch to the handler once, whole', async () => {
    const { calls, control, delivery } = setup(() => undefined);

    const done = await delivery.deliver([message(1), message(2)], control);

    expect(done).toBe(true);
    expect(calls).toEqual([['m1', 'm2']]);
  });

  it('retries a failed batch message by message, a retriable failure until it passes', async () => {
    const { calls, control, delivery } = setup((batch, call) =>
      batch[0].id === 'm1' && call <= 4 ? outage() : undefined,
    );

    const done = await delivery.deliver([message(1), message(2)], control);

    expect(done).toBe(true);
    expect(calls).toEqual([
      ['m1', 'm2'],
      ['m1'],
      ['m1'],
      ['m1'],
      ['m1'],
      ['m2'],
    ]);
    expect(control.pauses).toEqual([200, 400, 800]);
  });

  it(`dead-letters a message failing ${MAX_ATTEMPTS} times, with its code, and delivers the rest`, async () => {
    const { calls, deadLetters, control, delivery } = setup((batch) =>
      batch.some((m) => m.id === 'm1') ? poison() : undefined,
    );

    const done = await delivery.deliver([message(1), message(2)], control);

    expect(done).toBe(true);
    expect(calls.filter((c) => c.length === 1 && c[0] === 'm1')).toHaveLength(
      MAX_ATTEMPTS,
    );
    expect(calls.at(-1)).toEqual(['m2']);
    expect(deadLetters).toMatchObject([
      {
        topic: `${TOPIC}.dlq`,
        key: 'fp-1',
        payload: { error: { code: 'PAYLOAD_INVALID' }, group: 'g1' },
      },
    ]);
  });

  it('gives up without dead-lettering when the subscription stops during retries', async () => {
    const { deadLetters, control, delivery } = setup(() => poison());
    let running = true;
    control.active = () => running;
    control.pause = async () => void (running = false);

    const done = await delivery.deliver([message(1)], control);

    expect(done).toBe(false);
    expect(deadLetters).toEqual([]);
  });

  it('keeps a poison message in place while the dead-letter topic cannot be written', async () => {
    const written: OutgoingMessage[] = [];
    let publishes = 0;
    const { calls, control, delivery } = setup(
      () => poison(),
      async (messages) => {
        if (++publishes === 1) throw new Error('broker unreachable');
        written.push(...messages);
      },
    );

    const done = await delivery.deliver([message(1)], control);

    expect(done).toBe(true);
    expect(publishes).toBe(2);
    expect(calls).toHaveLength(1 + MAX_ATTEMPTS + 1);
    expect(written).toHaveLength(1);
  });
});
