import {
  type BusMessage,
  type MessageBus,
  type OutgoingMessage,
  type SubscribeOptions,
  type Subscription,
} from '@qms/ports';
import { EventEmitter } from 'node:events';
import { SqliteDatabase } from './sqlite-database';
import { SqliteSubscription, type ConsumerLogger } from './sqlite-subscription';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bus_messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  topic TEXT NOT NULL,
  key TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  timestamp TEXT NOT NULL,
  traceparent TEXT,
  payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bus_messages_topic_seq ON bus_messages (topic, seq);
CREATE TABLE IF NOT EXISTS bus_offsets (
  grp TEXT NOT NULL,
  topic TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (grp, topic)
);`;

/**
 * The standalone bus: topics are one durable log table in SQLite.
 * Publishers in-process wake subscribers at once; consumer offsets live in
 * `bus_offsets`.
 */
export class SqliteMessageBus implements MessageBus {
  private readonly wake = new EventEmitter().setMaxListeners(0);
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly insert;

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly logger?: ConsumerLogger,
  ) {
    sqlite.db.exec(SCHEMA);
    this.insert = sqlite.db.prepare(
      `INSERT INTO bus_messages
       (topic, key, id, type, schema_version, timestamp, traceparent, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const now = new Date().toISOString();
    const rows = messages.map((m) => [
      m.topic,
      m.key,
      m.id,
      m.type,
      m.schemaVersion,
      m.timestamp ?? now,
      m.traceparent ?? null,
      JSON.stringify(m.payload),
    ]);
    await this.sqlite.write(() => {
      for (const row of rows) this.insert.run(...row);
    });
    for (const topic of new Set(messages.map((m) => m.topic))) {
      this.wake.emit(topic);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const sub = new SqliteSubscription(
      this.sqlite,
      options,
      this.wake,
      (messages) => this.publish(messages),
      this.logger,
    );
    this.subscriptions.add(sub);
    sub.start();
    // One process consumes each (group, topic): it holds every key.
    options.onAssignment?.(() => true);
    return {
      stop: async () => {
        this.subscriptions.delete(sub);
        await sub.stop();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
  }
}

export type { BusMessage };
