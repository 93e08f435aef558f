import { traceBus, type Tracing } from '@qms/observability';
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
import type { Adapters } from './adapters';

/** Standalone: bus, event store and read models in one SQLite file. */
export function sqliteAdapters(
  dataDir: string,
  logger: Logger,
  tracing?: Tracing,
): Adapters {
  const sqlite = new SqliteDatabase(join(dataDir, 'qms.db'));
  const bus = traceBus(new SqliteMessageBus(sqlite, logger), tracing, 'sqlite');
  const eventStore = new SqliteEventStore(sqlite);
  const documents = new SqliteDocumentStore(sqlite);
  return {
    ports: { bus, eventStore, documents },
    providers: [
      { provide: MESSAGE_BUS, useValue: bus },
      { provide: EVENT_STORE, useValue: eventStore },
      { provide: DOCUMENT_STORE, useValue: documents },
    ],
    close: async () => {
      await bus.close();
      await sqlite.close();
    },
  };
}
