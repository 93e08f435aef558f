import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import type {
  BatchHandler,
  BusMessage,
  MessageBus,
  OutgoingMessage,
} from '@qms/ports';
import { createTracing } from './tracing';
import { traceBus, TracingMessageBus } from './tracing-message-bus';

const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

/** Hands what is published straight to the topic's handlers. */
class LoopbackBus implements MessageBus {
  readonly handlers = new Map<string, BatchHandler>();
  readonly published: OutgoingMessage[] = [];

  async publish(messages: OutgoingMessage[]): Promise<void> {
    this.published.push(...messages);
    for (const m of messages) {
      const handler = this.handlers.get(m.topic);
      const delivered: BusMessage = { ...m, timestamp: 'now' };
      await handler?.([delivered]);
    }
  }

  async subscribe(options: { topic: string; handler: BatchHandler }) {
    this.handlers.set(options.topic, options.handler);
    return { stop: async () => undefined };
  }

  close = async (): Promise<void> => undefined;
}

const message = (topic: string, traceparent?: string): OutgoingMessage => ({
  id: `${topic}-1`,
  topic,
  key: 'k',
  type: 'T',
  schemaVersion: 1,
  traceparent,
  payload: {},
});

function setup() {
  const exporter = new InMemorySpanExporter();
  const tracing = createTracing({ service: 'test', exporter });
  const inner = new LoopbackBus();
  const bus = new TracingMessageBus(inner, tracing, 'loopback');
  const span = (name: string): ReadableSpan => {
    const found = exporter.getFinishedSpans().find((s) => s.name === name);
    if (!found) throw new Error(`no span ${name}`);
    return found;
  };
  return { inner, bus, span };
}

describe('TracingMessageBus', () => {
  it('chains publish, process and what the handler publishes', async () => {
    const { inner, bus, span } = setup();
    await bus.subscribe({
      topic: 'a',
      group: 'g',
      handler: (batch) =>
        bus.publish(batch.map((m) => message('b', m.traceparent))),
    });

    await bus.publish([message('a', PARENT)]);

    const publishA = span('publish a');
    const processA = span('process a');
    const publishB = span('publish b');
    expect(publishA.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(processA.parentSpanContext?.spanId).toBe(
      publishA.spanContext().spanId,
    );
    expect(publishB.parentSpanContext?.spanId).toBe(
      processA.spanContext().spanId,
    );
    const sentB = inner.published.find((m) => m.topic === 'b');
    expect(sentB?.traceparent).toContain(publishB.spanContext().spanId);
  });

  it('describes each handled message on its consumer span', async () => {
    const { bus, span } = setup();
    const handled: BusMessage[] = [];
    await bus.subscribe({
      topic: 'a',
      group: 'g',
      handler: async (batch) => void handled.push(...batch),
    });

    await bus.publish([message('a', PARENT)]);

    expect(handled).toHaveLength(1);
    expect(span('process a').kind).toBe(SpanKind.CONSUMER);
    expect(span('process a').attributes).toMatchObject({
      'messaging.system': 'loopback',
      'messaging.destination.name': 'a',
      'messaging.message.id': 'a-1',
      'messaging.consumer.group.name': 'g',
    });
    expect(span('publish a').kind).toBe(SpanKind.PRODUCER);
  });

  it('ends the process span as an error when the handler fails', async () => {
    const { bus, span } = setup();
    const failure = Object.assign(new Error('bad'), { code: 'BAD_PAYLOAD' });
    await bus.subscribe({
      topic: 'a',
      group: 'g',
      handler: async () => {
        throw failure;
      },
    });

    await expect(bus.publish([message('a', PARENT)])).rejects.toBe(failure);

    expect(span('process a').status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'BAD_PAYLOAD',
    });
  });

  it('is left out when tracing is off', () => {
    const inner = new LoopbackBus();
    const off = createTracing({ service: 'test' });

    expect(traceBus(inner, off, 'loopback')).toBe(inner);
  });
});
