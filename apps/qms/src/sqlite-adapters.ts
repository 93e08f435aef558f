import type { Provider } from '@nestjs/common';
import {
  DOCUMENT_STORE,
  EVENT_STORE,
  MESSAGE_BUS,
  type Logger,
} from '@qms/ports';
import {
  SqliteDatabase,
  SqliteDocumentStore,
  SqliteEventStore,
  SqliteMessageBus,
} from '@qms/sqlite';
import { join } from 'node:path';

/** Standalone: bus, event store and read models in one SQLite file. */
export function sqliteAdapters(dataDir: string, logger: Logger): Provider[] {
  const sqlite = new SqliteDatabase(join(dataDir, 'qms.db'));
  return [
    { provide: SqliteDatabase, useValue: sqlite },
    { provide: MESSAGE_BUS, useValue: new SqliteMessageBus(sqlite, logger) },
    { provide: EVENT_STORE, useValue: new SqliteEventStore(sqlite) },
    { provide: DOCUMENT_STORE, useValue: new SqliteDocumentStore(sqlite) },
  ];
}
