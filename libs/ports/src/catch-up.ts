import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore, StoredEvent } from './event-store.port';
import type { Logger } from './logger.port';

export interface CatchUpOptions {
  name: string;
  /** The last position already handled (0: none). */
  load(): Promise<number>;
  /** Handles events in commit order; must store its own checkpoint. */
  handle(events: StoredEvent[]): Promise<void>;
  batchSize?: number;
}

const IDLE_POLL_MS = 1000;

/**
 * A catch-up subscription over all streams: reads from the checkpoint,
 * then follows new appends (woken by the store, polling as a fallback).
 * A failing batch is retried after a pause, never skipped.
 */
export class CatchUp {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private unsubscribe?: () => void;
  private position = 0;
  private caughtUp?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly logger: Logger,
    private readonly options: CatchUpOptions,
  ) {}

  /** Resolves once everything stored at start has been handled. */
  async start(): Promise<void> {
    this.position = await this.options.load();
    this.running = true;
    this.unsubscribe = this.store.onAppend(() => this.wake?.());
    const caughtUp = new Promise<void>((r) => (this.caughtUp = r));
    this.loop = this.run();
    await caughtUp;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    this.caughtUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const events = await this.store.readAll(
        this.position,
        this.options.batchSize ?? 500,
      );
      if (events.length === 0) {
        this.caughtUp?.();
        await this.idle();
        continue;
      }
      try {
        await this.options.handle(events);
        this.position = events[events.length - 1].position;
      } catch (error) {
        const fields = {
          subscription: this.options.name,
          position: this.position,
          error: String(error),
        };
        this.logger.warn(fields, 'catch-up batch failed; retrying');
        await sleep(1000);
      }
    }
  }

  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, IDLE_POLL_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).finally(() => (this.wake = undefined));
  }
}
