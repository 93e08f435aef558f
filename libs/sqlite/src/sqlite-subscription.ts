import {
  backoffMs,
  deadLetter,
  errorCode,
  isRetriable,
  MAX_ATTEMPTS,
  silentLogger,
  type BusMessage,
  type Logger,
  type OutgoingMessage,
  type SubscribeOptions,
} from '@qms/ports';
import type { Statement } from 'better-sqlite3';
import type { EventEmitter } from 'node:events';
import { toBusMessage, type BusRow } from './sqlite-bus-row';
import type { SqliteDatabase } from './sqlite-database';

export type ConsumerLogger = Logger;

const IDLE_POLL_MS = 1000;

/**
 * One consumer group's cursor over one topic. Hands batches in log order
 * to the handler and stores the offset only after the handler resolved.
 * A failure of the log itself is logged and retried with backoff from
 * the last stored offset, which is the only one the cursor ever holds.
 */
export class SqliteSubscription {
  private running = false;
  private loop?: Promise<void>;
  private offset = 0;
  private batchQuery?: Statement;
  private interrupt?: () => void;
  private wakeOnPublish = false;
  private readonly onWake = () => {
    if (this.wakeOnPublish) this.interrupt?.();
  };

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly options: SubscribeOptions,
    private readonly wake: EventEmitter,
    private readonly publish: (m: OutgoingMessage[]) => Promise<void>,
    private readonly logger: Logger = silentLogger,
  ) {}

  start(): void {
    this.offset = this.storedOffset();
    this.running = true;
    this.wake.on(this.options.topic, this.onWake);
    this.loop = this.run();
  }

  /** Waits for a running handler; a pending retry or poll ends at once. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake.off(this.options.topic, this.onWake);
    this.interrupt?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.step();
        failures = 0;
      } catch (error) {
        failures++;
        this.logger.warn(
          this.fields(undefined, failures, error),
          'consumer step failed; retrying',
        );
        await this.pause(backoffMs(failures), false);
      }
    }
  }

  private async step(): Promise<void> {
    const { topic, maxBatchSize = 200 } = this.options;
    const rows = this.readBatch().all(
      topic,
      this.offset,
      maxBatchSize,
    ) as BusRow[];
    if (rows.length === 0) return this.pause(IDLE_POLL_MS, true);
    // Stopped midway: the batch stays uncommitted.
    if (!(await this.deliver(rows.map(toBusMessage)))) return;
    await this.commit(rows[rows.length - 1].seq);
  }

  /** False when stopped midway. */
  private async deliver(batch: BusMessage[]): Promise<boolean> {
    try {
      await this.options.handler(batch);
      return true;
    } catch (error) {
      this.logger.warn(
        this.fields(undefined, 1, error),
        'batch failed; retrying message by message',
      );
      for (const message of batch) {
        if (!(await this.deliverOne(message))) return false;
      }
      return true;
    }
  }

  private async deliverOne(message: BusMessage): Promise<boolean> {
    for (let attempt = 1; this.running; attempt++) {
      try {
        await this.options.handler([message]);
        return true;
      } catch (error) {
        const fields = this.fields(message, attempt, error);
        if (!isRetriable(error) && attempt >= MAX_ATTEMPTS) {
          this.logger.error(fields, 'poison message sent to dead-letter topic');
          await this.publish([deadLetter(message, error, this.options.group)]);
          return true;
        }
        this.logger.warn(fields, 'message failed; retrying');
        await this.pause(backoffMs(attempt), false);
      }
    }
    return false;
  }

  /** Sleeps `ms`; stop ends it at once, and so may a publish. */
  private pause(ms: number, wakeOnPublish: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeOnPublish = wakeOnPublish;
      this.interrupt = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (this.interrupt = undefined));
  }

  private fields(
    message: BusMessage | undefined,
    attempt: number,
    error: unknown,
  ) {
    return {
      topic: this.options.topic,
      group: this.options.group,
      offset: message?.offset,
      messageId: message?.id,
      attempt,
      code: errorCode(error),
      error: error instanceof Error ? error.message : String(error),
    };
  }

  private readBatch(): Statement {
    this.batchQuery ??= this.sqlite.db.prepare(
      'SELECT * FROM bus_messages WHERE topic = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    return this.batchQuery;
  }

  private storedOffset(): number {
    const row = this.sqlite.db
      .prepare('SELECT seq FROM bus_offsets WHERE grp = ? AND topic = ?')
      .get(this.options.group, this.options.topic) as
      { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  /**
   * Stores the offset in the next group commit without waiting for it to
   * be durable: a lost offset only redelivers, and consumers are
   * idempotent.
   */
  private async commit(seq: number): Promise<void> {
    const { group, topic } = this.options;
    const upsert = this.sqlite.statement(
      `INSERT INTO bus_offsets (grp, topic, seq) VALUES (?, ?, ?)
       ON CONFLICT (grp, topic) DO UPDATE SET seq = excluded.seq`,
    );
    this.offset = seq;
    this.sqlite
      .write(() => upsert.run(group, topic, seq))
      .catch((error: unknown) =>
        this.logger.warn(
          this.fields(undefined, 1, error),
          'offset commit failed',
        ),
      );
  }
}
