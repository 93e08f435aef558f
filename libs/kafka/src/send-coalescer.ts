import type { OutgoingMessage } from '@qms/ports';

interface Waiting {
  messages: OutgoingMessage[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Joins concurrent publishes into one send: while a send is in flight,
 * every publish that arrives waits and then goes out with the others in
 * one request, in arrival order. The idempotent producer allows one
 * request in flight, so without this every caller waits a full round
 * trip behind the one before it. A failed send fails each of its callers.
 */
export class SendCoalescer {
  private waiting: Waiting[] = [];
  private sending = false;

  constructor(
    private readonly send: (messages: OutgoingMessage[]) => Promise<void>,
  ) {}

  publish(messages: OutgoingMessage[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ messages, resolve, reject });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      try {
        await this.send(group.flatMap((w) => w.messages));
        for (const w of group) w.resolve();
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    this.sending = false;
  }
}
