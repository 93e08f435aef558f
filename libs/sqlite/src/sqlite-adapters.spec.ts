import {
  documentStoreContract,
  eventStoreContract,
  messageBusContract,
  tempDir,
  type TempDir,
} from '@qms/testing';
import { SqliteDatabase } from './sqlite-database';
import { SqliteDocumentStore } from './sqlite-document-store';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteMessageBus } from './sqlite-message-bus';

// One database file for this test file; every test opens its own
// connection to it, as a restarted process would.
let dir: TempDir;

beforeAll(() => {
  dir = tempDir('qms-sqlite-');
});

afterAll(() => dir.remove());

function open(): SqliteDatabase {
  return new SqliteDatabase(dir.file('qms.db'));
}

eventStoreContract('SqliteEventStore', async () => {
  const sqlite = open();
  const store = new SqliteEventStore(sqlite);
  return {
    store,
    dispose: async () => {
      await store.close();
      await sqlite.close();
    },
  };
});

messageBusContract('SqliteMessageBus', async () => {
  const sqlite = open();
  const bus = new SqliteMessageBus(sqlite);
  return {
    bus,
    dispose: async () => {
      await bus.close();
      await sqlite.close();
    },
  };
});

documentStoreContract('SqliteDocumentStore', async () => {
  const sqlite = open();
  const store = new SqliteDocumentStore(sqlite);
  return {
    store,
    dispose: async () => {
      await store.close();
      await sqlite.close();
    },
  };
});
