import { kafkaGroupId, KafkaMessageBus } from '@qms/kafka';
import type {
  BusMessage,
  KeyOwnership,
  OutgoingMessage,
  Subscription,
} from '@qms/ports';
import {
  ensureKafka,
  messageBusContract,
  uniqueName,
  waitFor,
  type KafkaServer,
} from '@qms/testing';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';

const WAIT_MS = 30_000;
const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

// The int project's `testTimeout` is a global Jest option, ignored inside
// `projects`; group joins on a real broker need more than the default 5 s.
jest.setTimeout(120_000);

let server: KafkaServer | undefined;

beforeAll(async () => {
  server = await ensureKafka();
}, 600_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

function brokers(): string[] {
  if (!server) throw new Error('Kafka is not running');
  return server.brokers;
}

function newBus(): KafkaMessageBus {
  return new KafkaMessageBus({
    brokers: brokers(),
    clientId: uniqueName('qms-int'),
  });
}

function message(topic: string, key: string, n: number): OutgoingMessage {
  return {
    id: randomUUID(),
    topic,
    key,
    type: 'IntegrationMessageSent',
    schemaVersion: 1,
    payload: { n },
  };
}

messageBusContract(
  'kafka',
  async () => {
    const bus = newBus();
    return { bus, dispose: () => bus.close() };
  },
  { waitMs: WAIT_MS },
);

describe('KafkaMessageBus on a real broker', () => {
  let bus: KafkaMessageBus;
  const kafka = () =>
    new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING });

  beforeEach(() => {
    bus = newBus();
  });

  afterEach(async () => {
    await bus.close();
  });

  it('splits partitions between two members, each knowing the keys it holds', async () => {
    const topic = uniqueName('qms.int.v1');
    const group = uniqueName('group');
    const seen: BusMessage[][] = [[], []];
    const owns: KeyOwnership[] = [() => false, () => false];
    const members: Subscription[] = [];
    for (const [i, mine] of seen.entries()) {
      const member = await bus.subscribe({
        topic,
        group,
        handler: async (batch) => void mine.push(...batch),
        onAssignment: (o) => (owns[i] = o),
      });
      members.push(member);
    }
    await waitForMembers(kafkaGroupId(group, topic), 2);

    const sent = Array.from({ length: 30 }, (_, n) =>
      message(topic, `fp-${n}`, n),
    );
    await bus.publish(sent);

    const [first, second] = seen;
    await waitFor(() => first.length + second.length >= sent.length, {
      timeoutMs: WAIT_MS,
      description: 'every message in one of the two members',
    });
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    const ids = (ms: { id: string }[]) => ms.map((m) => m.id).sort();
    expect(ids([...first, ...second])).toEqual(ids(sent));
    const keysOf = (ms: BusMessage[]) => new Set(ms.map((m) => m.key));
    const shared = [...keysOf(first)].filter((k) => keysOf(second).has(k));
    expect(shared).toEqual([]);
    // Each member holds exactly the keys it was given.
    for (const [i, mine] of seen.entries()) {
      const held = sent.filter((m) => owns[i](m.key)).map((m) => m.key);
      expect(new Set(held)).toEqual(keysOf(mine));
    }

    // The survivor of a rebalance holds every key.
    await members[0].stop();
    await waitFor(() => sent.every((m) => owns[1](m.key)), {
      timeoutMs: WAIT_MS,
      description: 'the remaining member to hold every key',
    });
    expect(sent.filter((m) => owns[0](m.key))).toEqual([]);
  });

  it('keeps its partitions through a handler slower than the session timeout', async () => {
    const slow = new KafkaMessageBus({
      brokers: brokers(),
      clientId: uniqueName('qms-int'),
      sessionTimeoutMs: 6000, // the broker's least
    });
    const topic = uniqueName('qms.int.v1');
    const handled: string[] = [];
    await slow.subscribe({
      topic,
      group: uniqueName('group'),
      handler: async (batch) => {
        await new Promise((resolve) => setTimeout(resolve, 9000));
        handled.push(...batch.map((m) => m.id));
      },
    });
    const sent = message(topic, 'fp-1', 0);

    await bus.publish([sent]);
    await waitFor(() => handled.length > 0, { timeoutMs: WAIT_MS });
    await new Promise((resolve) => setTimeout(resolve, 3000));

    await slow.close();
    expect(handled).toEqual([sent.id]);
  });

  it('carries the trace context in a traceparent header and back to the subscriber', async () => {
    const topic = uniqueName('qms.int.v1');
    const traced = { ...message(topic, 'fp-1', 0), traceparent: TRACEPARENT };
    const untraced = message(topic, 'fp-1', 1);
    await bus.publish([traced, untraced]);

    const records = await readRaw(topic, 2);
    const received: BusMessage[] = [];
    await bus.subscribe({
      topic,
      group: uniqueName('group'),
      handler: async (batch) => void received.push(...batch),
    });
    await waitFor(() => received.length >= 2, { timeoutMs: WAIT_MS });

    expect(records.map((r) => r.key)).toEqual(['fp-1', 'fp-1']);
    expect(records[0].headers.traceparent).toBe(TRACEPARENT);
    expect(records[0].headers.id).toBe(traced.id);
    expect(records[1].headers).not.toHaveProperty('traceparent');
    expect(received[0].traceparent).toBe(TRACEPARENT);
    expect(received[1]).not.toHaveProperty('traceparent');
  });

  /** Waits until the group is stable with `count` members holding partitions. */
  async function waitForMembers(group: string, count: number): Promise<void> {
    const admin = kafka().admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const { groups } = await admin.describeGroups([group]);
          const [{ state, members }] = groups;
          return state === 'Stable' && members.length === count;
        },
        { timeoutMs: WAIT_MS, intervalMs: 200, description: 'a stable group' },
      );
    } finally {
      await admin.disconnect();
    }
  }

  /** The records as any Kafka client sees them, headers as text. */
  async function readRaw(topic: string, count: number) {
    const records: { key: string; headers: Record<string, string> }[] = [];
    const consumer = kafka().consumer({
      groupId: uniqueName('raw'),
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message: record }) => {
          records.push({
            key: String(record.key),
            headers: headerText(record.headers),
          });
        },
      });
      await waitFor(() => records.length >= count, { timeoutMs: WAIT_MS });
    } finally {
      await consumer.disconnect();
    }
    return records;
  }
});

function headerText(headers: IHeaders = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, String(value)]),
  );
}
