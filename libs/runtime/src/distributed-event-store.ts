import type { RuntimeSettings } from '@qms/config';
import type { EventStore } from '@qms/ports';
import { SqliteDatabase, SqliteEventStore } from '@qms/sqlite';
import { join } from 'node:path';
import type { PortNeeds } from './adapters';

/**
 * EventStoreDB when configured; else the SQLite store owned by the
 * escalation service (its data dir), which readers do without.
 */
export async function distributedEventStore(
  settings: RuntimeSettings,
  need: PortNeeds['eventStore'],
): Promise<{ store: EventStore; close(): Promise<void> } | undefined> {
  if (!need) return undefined;
  if (settings.eventStore === 'eventstoredb') {
    const { eventStoreDbFromSettings } = await import('./eventstoredb-adapter');
    return eventStoreDbFromSettings(settings);
  }
  if (need === 'reader') return undefined;
  const sqlite = new SqliteDatabase(join(settings.dataDir, 'events.db'));
  const store = new SqliteEventStore(sqlite);
  const close = async () => {
    await store.close();
    await sqlite.close();
  };
  return { store, close };
}
