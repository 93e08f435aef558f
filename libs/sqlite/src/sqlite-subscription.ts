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
import type { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SqliteDatabase } from './sqlite-database';

export type ConsumerLogger = Logger;

interface Row {
  seq: number;
  topic: string;
  key: string;
  id: string;
  type: string;
  schema_version: number;
  timestamp: string;
  traceparent: string | null;
  payload: string;
}

const IDLE_POLL_MS = 1000;

/**
 * One consumer group's cursor over one topic. Hands batches in log order
 * to the handler and stores the offset only after the handler resolved.
 */
export class SqliteSubscription {
  private running = false;
  private loop?: Promise<void>;
  private offset = 0;
  private wakeUp?: () => void;
  private readonly onWake = () => this.wakeUp?.();

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly options: SubscribeOptions,
    private readonly wake: EventEmitter,
    private readonly publish: (m: OutgoingMessage[]) => Promise<void>,
    private readonly logger: Logger = silentLogger,
  ) {}

  start(): void {
    const { topic, group } = this.options;
    const row = this.sqlite.db
      .prepare('SELECT seq FROM bus_offsets WHERE grp = ? AND topic = ?')
      .get(group, topic) as { seq: number } | undefined;
    this.offset = row?.seq ?? 0;
    this.running = true;
    this.wake.on(topic, this.onWake);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake.off(this.options.topic, this.onWake);
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const read = this.sqlite.db.prepare(
      'SELECT * FROM bus_messages WHERE topic = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
    while (this.running) {
      const limit = this.options.maxBatchSize ?? 500;
      const rows = read.all(this.options.topic, this.offset, limit) as Row[];
      if (rows.length === 0) {
        await this.idle();
        continue;
      }
      if (!(await this.deliver(rows.map(toMessage)))) return;
      await this.commit(rows[rows.length - 1].seq);
    }
  }

  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, IDLE_POLL_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    }).finally(() => (this.wakeUp = undefined));
  }

  /** False when stopped midway: the batch stays uncommitted. */
  private async deliver(batch: BusMessage[]): Promise<boolean> {
    try {
      await this.options.handler(batch);
      return true;
    } catch (error) {
      this.logger.warn(
        {
          topic: this.options.topic,
          group: this.options.group,
          code: errorCode(error),
        },
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
        await sleep(backoffMs(attempt));
      }
    }
    return false;
  }

  private fields(message: BusMessage, attempt: number, error: unknown) {
    return {
      topic: message.topic,
      group: this.options.group,
      offset: message.offset,
      messageId: message.id,
      attempt,
      code: errorCode(error),
      error: error instanceof Error ? error.message : String(error),
    };
  }

  private async commit(seq: number): Promise<void> {
    this.offset = seq;
    const { group, topic } = this.options;
    await this.sqlite.write(() =>
      this.sqlite.db
        .prepare(
          `INSERT INTO bus_offsets (grp, topic, seq) VALUES (?, ?, ?)
           ON CONFLICT (grp, topic) DO UPDATE SET seq = excluded.seq`,
        )
        .run(group, topic, seq),
    );
  }
}

function toMessage(row: Row): BusMessage {
  return {
    id: row.id,
    topic: row.topic,
    key: row.key,
    type: row.type,
    schemaVersion: row.schema_version,
    timestamp: row.timestamp,
    traceparent: row.traceparent ?? undefined,
    payload: JSON.parse(row.payload),
    offset: String(row.seq),
  };
}
