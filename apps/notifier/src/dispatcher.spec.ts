import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Channel, Delivery, SendResult } from '@qms/notifications';
import { createTracing, Metrics, type Tracing } from '@qms/observability';
import {
  silentLogger,
  TOPICS,
  type BusMessage,
  type Clock,
  type MessageBus,
} from '@qms/ports';
import {
  SqliteDatabase,
  SqliteDocumentStore,
  SqliteMessageBus,
} from '@qms/sqlite';
import { DeliveryLedger } from './delivery-ledger';
import { Dispatcher } from './dispatcher';

const clock: Clock = { now: () => new Date('2026-01-01T00:00:00.000Z') };

function countingChannel(results: SendResult[]): Channel & { sent: string[] } {
  const sent: string[] = [];
  return {
    name: 'log',
    sent,
    send: async (d: Delivery) => {
      sent.push(`${d.key}#${d.attempt}`);
      return results.shift() ?? { outcome: 'delivered' };
    },
  };
}

const delivery: Delivery = {
  key: 'e1:0:0:ciso:log',
  escalationId: 'e1',
  step: 0,
  repeat: 0,
  recipient: 'ciso',
  channel: 'log',
  attempt: 1,
  level: 'L0_CRITICAL',
  message: { subject: 's', summary: 's', body: 'b' },
};

function setup(
  channel: Channel,
  tracing: Tracing = createTracing({ service: 'test' }),
  others: Array<[string, Channel]> = [],
) {
  const sqlite = new SqliteDatabase(':memory:');
  const docs = new SqliteDocumentStore(sqlite);
  const bus = new SqliteMessageBus(sqlite);
  /** A broker that is down refuses every publication while set. */
  const outage = { on: false };
  const flaky: MessageBus = {
    publish: (messages) =>
      outage.on
        ? Promise.reject(new Error('broker unreachable'))
        : bus.publish(messages),
    subscribe: (options) => bus.subscribe(options),
    close: () => bus.close(),
  };
  const ledger = new DeliveryLedger(docs);
  const make = (instance: string) =>
    new Dispatcher(
      new Map([['log', channel], ...others]),
      ledger,
      flaky,
      clock,
      new Metrics(),
      silentLogger,
      instance,
      tracing,
    );
  return { sqlite, ledger, bus, outage, make };
}

describe('Dispatcher', () => {
  it('records a retryable failure as a scheduled retry, not a final failure', async () => {
    const channel = countingChannel([
      { outcome: 'retryable', code: 'HTTP_503', reason: 'busy' },
    ]);
    const { sqlite, ledger, make } = setup(channel);
    await make('a').dispatch([delivery]);
    const entry = await ledger.get(delivery.key);
    expect(entry).toMatchObject({ status: 'retry' });
    expect(entry?.nextAttemptAt).toBeDefined();
    await sqlite.close();
  });

  it('lets only one of two instances resend a due retry', async () => {
    const channel = countingChannel([
      { outcome: 'retryable', code: 'HTTP_503', reason: 'busy' },
    ]);
    const { sqlite, ledger, make } = setup(channel);
    await make('a').dispatch([delivery]);
    const due = (await ledger.get(delivery.key))!;

    await Promise.all([
      make('a').resend([due], (e) => e.delivery.attempt + 1),
      make('b').resend([due], (e) => e.delivery.attempt + 1),
    ]);

    expect(channel.sent).toEqual([`${delivery.key}#1`, `${delivery.key}#2`]);
    expect(await ledger.get(delivery.key)).toMatchObject({ status: 'sent' });
    await sqlite.close();
  });

  it('records a long batch as sending chunk by chunk, as each goes out', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      ...delivery,
      key: `e1:0:0:r${i}:log`,
      recipient: `r${i}`,
    }));
    const recordedWhenFirstSent: string[] = [];
    const probe: Channel & { ledger?: DeliveryLedger } = {
      name: 'log',
      send: async (d) => {
        if (d.key === many[0].key && probe.ledger) {
          for (const other of many)
            if (await probe.ledger.get(other.key))
              recordedWhenFirstSent.push(other.key);
        }
        return { outcome: 'delivered' };
      },
    };
    const { sqlite, ledger, make } = setup(probe);
    probe.ledger = ledger;

    await make('a').dispatch(many);

    expect(recordedWhenFirstSent.length).toBeLessThan(many.length);
    expect(recordedWhenFirstSent).toContain(many[0].key);
    const entries = await Promise.all(many.map((d) => ledger.get(d.key)));
    expect(entries.map((e) => e?.status)).toEqual(many.map(() => 'sent'));
    expect(await ledger.open()).toEqual([]);
    await sqlite.close();
  });

  it('reports each outcome back to the escalation as a command', async () => {
    const channel = countingChannel([]);
    const { sqlite, bus, make } = setup(channel);
    const seen: unknown[] = [];
    const sub = await bus.subscribe({
      topic: TOPICS.escalationCommands,
      group: 't',
      handler: async (batch) => void seen.push(...batch.map((m) => m.payload)),
    });
    await make('a').dispatch([delivery]);
    await new Promise((r) => setTimeout(r, 50));
    await sub.stop();
    expect(seen).toEqual([
      expect.objectContaining({
        type: 'RecordDeliveryOutcome',
        outcome: 'delivered',
        key: delivery.key,
        commandId: `outcome:${delivery.key}:1`,
      }),
    ]);
    await sqlite.close();
  });

  it("sends under the page request's trace and passes the send span on", async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = createTracing({ service: 'test', exporter });
    const channel = countingChannel([
      { outcome: 'retryable', code: 'HTTP_503', reason: 'busy' },
    ]);
    const { sqlite, bus, make } = setup(channel, tracing);
    const traceparents: Array<string | undefined> = [];
    const sub = await bus.subscribe({
      topic: TOPICS.escalationCommands,
      group: 't',
      handler: async (batch) =>
        void traceparents.push(...batch.map((m) => m.traceparent)),
    });
    const request = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await make('a').dispatch([{ ...delivery, traceparent: request }]);
    await new Promise((r) => setTimeout(r, 50));
    await sub.stop();

    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('notify log');
    expect(span.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(span.status).toMatchObject({ code: 2, message: 'HTTP_503' });
    const { traceId, spanId } = span.spanContext();
    expect(traceparents).toEqual([`00-${traceId}-${spanId}-01`]);
    expect(traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    await sqlite.close();
  });

  it('pages on the log channel when another channel fails for good', async () => {
    const log = countingChannel([]);
    const hook = countingChannel([
      { outcome: 'permanent', code: 'WEBHOOK_HTTP_400', reason: 'refused' },
    ]);
    const { sqlite, ledger, make } = setup(log, undefined, [['webhook', hook]]);
    const viaHook = {
      ...delivery,
      channel: 'webhook',
      key: 'e1:0:0:ciso:webhook',
    };

    await make('a').dispatch([viaHook]);

    expect(hook.sent).toEqual(['e1:0:0:ciso:webhook#1']);
    expect(log.sent).toEqual(['e1:0:0:ciso:log#1']);
    expect(await ledger.get('e1:0:0:ciso:webhook')).toMatchObject({
      status: 'failed',
    });
    expect(await ledger.get('e1:0:0:ciso:log')).toMatchObject({
      status: 'sent',
    });
    await sqlite.close();
  });

  it('keeps an outcome the bus refused and publishes it once the bus is back', async () => {
    const channel = countingChannel([]);
    const { sqlite, ledger, bus, outage, make } = setup(channel);
    const seen: BusMessage[] = [];
    const sub = await bus.subscribe({
      topic: TOPICS.escalationCommands,
      group: 't',
      handler: async (batch) => void seen.push(...batch),
    });
    const dispatcher = make('a');

    outage.on = true;
    await dispatcher.dispatch([delivery]);
    expect(await ledger.get(delivery.key)).toMatchObject({ status: 'sent' });
    await dispatcher.reportLeftovers(0);
    outage.on = false;
    await dispatcher.reportLeftovers(0);
    await dispatcher.reportLeftovers(0);
    await new Promise((r) => setTimeout(r, 50));
    await sub.stop();

    expect(channel.sent).toEqual([`${delivery.key}#1`]);
    expect(seen.map((m) => m.id)).toEqual([`outcome:${delivery.key}:1`]);
    expect(await ledger.unreported()).toEqual([]);
    await sqlite.close();
  });

  it('leaves young unreported outcomes to their sender', async () => {
    const { sqlite, ledger, outage, make } = setup(countingChannel([]));
    outage.on = true;
    await make('a').dispatch([delivery]);
    outage.on = false;
    await make('b').reportLeftovers(5000);
    expect(await ledger.unreported()).toHaveLength(1);
    await sqlite.close();
  });

  it('does not resend a key that a crash left both settled and open', async () => {
    const channel = countingChannel([]);
    const { sqlite, ledger, make } = setup(channel);
    await make('a').dispatch([delivery]);
    const settled = (await ledger.get(delivery.key))!;
    const leftover = { ...settled, status: 'sending' as const, nonce: 'n' };
    await ledger.record([leftover]); // as if the open entry's delete was lost
    expect(await ledger.open()).toHaveLength(1);

    await make('b').resend([leftover], (e) => e.delivery.attempt);

    expect(channel.sent).toEqual([`${delivery.key}#1`]);
    expect(await ledger.open()).toEqual([]);
    expect(await ledger.get(delivery.key)).toMatchObject({ status: 'sent' });
    await sqlite.close();
  });
});
