import {
  END,
  excludeSystemEvents,
  type AllStreamSubscription,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import type { Logger } from '@qms/ports';

const RESUBSCRIBE_MS = 1000;

/**
 * Tells listeners that something was appended: at once for appends made
 * through this store, and through a subscription to $all from its end for
 * appends by other processes. The subscription exists only while someone
 * listens; when it drops, it is renewed after a second. Listeners get a
 * hint, no data, so a lost or doubled call costs one extra read.
 */
export class AppendNotifier {
  private readonly listeners = new Set<() => void>();
  private subscription?: AllStreamSubscription;
  private renewal?: NodeJS.Timeout;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly logger: Logger,
  ) {}

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    this.subscribe();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.unsubscribe();
    };
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.unsubscribe();
  }

  private subscribe(): void {
    if (this.subscription || this.listeners.size === 0) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: END,
      filter: excludeSystemEvents(),
    });
    subscription.on('data', () => this.notify());
    subscription.on('error', (error) => {
      if (this.subscription !== subscription) return;
      this.logger.warn({ err: error }, 'append subscription dropped');
      this.subscription = undefined;
      this.renewal = setTimeout(() => this.subscribe(), RESUBSCRIBE_MS);
      this.renewal.unref();
    });
    this.subscription = subscription;
  }

  private async unsubscribe(): Promise<void> {
    clearTimeout(this.renewal);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.unsubscribe();
  }
}
