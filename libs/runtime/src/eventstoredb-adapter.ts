import type { RuntimeSettings } from '@qms/config';
import { EventStoreDbEventStore } from '@qms/eventstoredb';
import type { EventStore } from '@qms/ports';
import { SettingsError } from '@qms/config';

/** EventStoreDB at EVENTSTORE_URL (`esdb://host:2113?tls=false`). */
export function eventStoreDbFromSettings(settings: RuntimeSettings): {
  store: EventStore;
  close(): Promise<void>;
} {
  if (!settings.eventStoreUrl) {
    throw new SettingsError(
      'EVENTSTORE_URL',
      'required when QMS_EVENT_STORE=eventstoredb',
    );
  }
  const store = EventStoreDbEventStore.fromConnectionString(
    settings.eventStoreUrl,
  );
  return { store, close: () => store.close() };
}
