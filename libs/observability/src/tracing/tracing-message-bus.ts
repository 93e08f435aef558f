import { SpanKind, type Attributes } from '@opentelemetry/api';
import type {
  BusMessage,
  MessageBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from '@qms/ports';
import { endWhenSettled, type Tracing } from './tracing';

/**
 * Traces any bus: a `publish <topic>` span per message sent, a
 * `process <topic>` span per message handled. Handlers see each message
 * with `traceparent` replaced by its process span, so what they publish
 * from it (services copy the traceparent into derived messages) nests
 * under that span.
 */
export class TracingMessageBus implements MessageBus {
  constructor(
    private readonly inner: MessageBus,
    private readonly tracing: Tracing,
    /** `messaging.system`: the adapter underneath, e.g. `kafka`. */
    private readonly system: string,
  ) {}

  async publish(messages: OutgoingMessage[]): Promise<void> {
    const started = messages.map((m) =>
      this.tracing.startSpan(`publish ${m.topic}`, m.traceparent, {
        kind: SpanKind.PRODUCER,
        attributes: this.attributes(m, 'send'),
      }),
    );
    const traced = messages.map((m, i) => ({
      ...m,
      traceparent: started[i].traceparent,
    }));
    await endWhenSettled(
      started.map((s) => s.span),
      () => this.inner.publish(traced),
    );
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    const { topic, group, handler } = options;
    return this.inner.subscribe({
      ...options,
      handler: (batch) => {
        const started = batch.map((m) =>
          this.tracing.startSpan(`process ${topic}`, m.traceparent, {
            kind: SpanKind.CONSUMER,
            attributes: {
              ...this.attributes(m, 'process'),
              'messaging.consumer.group.name': group,
            },
          }),
        );
        const traced: BusMessage[] = batch.map((m, i) => ({
          ...m,
          traceparent: started[i].traceparent,
        }));
        return endWhenSettled(
          started.map((s) => s.span),
          () => handler(traced),
        );
      },
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private attributes(m: OutgoingMessage, operation: string): Attributes {
    return {
      'messaging.system': this.system,
      'messaging.operation.type': operation,
      'messaging.destination.name': m.topic,
      'messaging.message.id': m.id,
      'qms.message.type': m.type,
    };
  }
}

/** The bus itself when tracing is off: no per-message cost. */
export function traceBus(
  bus: MessageBus,
  tracing: Tracing | undefined,
  system: string,
): MessageBus {
  return tracing?.enabled ? new TracingMessageBus(bus, tracing, system) : bus;
}
