import type {
  BatchHandler,
  BusMessage,
  MessageBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from '@qms/ports';
import { randomUUID } from 'node:crypto';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

export function outgoing(
  topic: string,
  key: string,
  n: number,
): OutgoingMessage {
  return {
    id: randomUUID(),
    topic,
    key,
    type: 'ContractMessageSent',
    schemaVersion: 1,
    traceparent: TRACEPARENT,
    payload: { n },
  };
}

/** A handler that keeps every message it resolved for. */
export function recorder(): { messages: BusMessage[]; handler: BatchHandler } {
  const messages: BusMessage[] = [];
  return {
    messages,
    handler: async (batch) => {
      messages.push(...batch);
    },
  };
}

export function payloadN(message: { payload: unknown }): number {
  return (message.payload as { n: number }).n;
}

/** Subscribes through one bus and stops whatever is still running. */
export class Subscriptions {
  private readonly running = new Set<Subscription>();

  constructor(private readonly bus: () => MessageBus) {}

  async start(options: SubscribeOptions): Promise<Subscription> {
    const subscription = await this.bus().subscribe(options);
    this.running.add(subscription);
    return {
      stop: async () => {
        this.running.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async stopAll(): Promise<void> {
    const all = [...this.running];
    this.running.clear();
    await Promise.all(all.map((s) => s.stop()));
  }
}
