import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '@qms/ports';
import { EventEmitter } from 'node:events';
import type { SqliteDatabase } from './sqlite-database';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT,
  recorded_at TEXT NOT NULL,
  UNIQUE (stream_id, revision)
);`;

interface Row {
  position: number;
  stream_id: string;
  revision: number;
  id: string;
  type: string;
  data: string;
  metadata: string | null;
  recorded_at: string;
}

/**
 * Append-only event store in SQLite. The unique event id makes a
 * redelivered append a no-op; the (stream, revision) key and the check
 * inside the write make a conflicting append fail, never overwrite.
 */
export class SqliteEventStore implements EventStore {
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private readonly q;

  constructor(private readonly sqlite: SqliteDatabase) {
    sqlite.db.exec(SCHEMA);
    const db = sqlite.db;
    this.q = {
      stream: db.prepare(
        'SELECT * FROM events WHERE stream_id = ? ORDER BY revision',
      ),
      head: db.prepare(
        'SELECT MAX(revision) AS r FROM events WHERE stream_id = ?',
      ),
      byId: db.prepare('SELECT stream_id FROM events WHERE id = ?'),
      all: db.prepare(
        'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
      insert: db.prepare(
        `INSERT INTO events (stream_id, revision, id, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return (this.q.stream.all(streamId) as Row[]).map(toEvent);
  }

  async readAll(position: number, limit: number): Promise<StoredEvent[]> {
    return (this.q.all.all(position, limit) as Row[]).map(toEvent);
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expectedRevision: number,
  ): Promise<AppendResult> {
    const result = await this.sqlite.write(() =>
      this.appendNow(streamId, events, expectedRevision),
    );
    if (!result.duplicate) this.appended.emit('append');
    return result;
  }

  private appendNow(streamId: string, events: NewEvent[], expected: number) {
    const head = (this.q.head.get(streamId) as { r: number | null }).r ?? -1;
    const seen = events.length > 0 && this.q.byId.get(events[0].id);
    if (seen) return { revision: head, duplicate: true };
    if (head !== expected) {
      throw new WrongExpectedRevisionError(streamId, expected, head);
    }
    const at = new Date().toISOString();
    events.forEach((e, i) =>
      this.q.insert.run(
        streamId,
        head + 1 + i,
        e.id,
        e.type,
        JSON.stringify(e.data),
        e.metadata ? JSON.stringify(e.metadata) : null,
        at,
      ),
    );
    return { revision: head + events.length, duplicate: false };
  }

  onAppend(listener: () => void): () => void {
    this.appended.on('append', listener);
    return () => this.appended.off('append', listener);
  }

  async close(): Promise<void> {
    this.appended.removeAllListeners();
  }
}

function toEvent(row: Row): StoredEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: row.metadata ? JSON.parse(row.metadata) : undefined,
    recordedAt: row.recorded_at,
  };
}
