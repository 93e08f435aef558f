import type { EventStore, NewEvent, StoredEvent } from '@qms/ports';
import { randomUUID } from 'node:crypto';

/** Event ids are UUIDs: EventStoreDB accepts nothing else. */
export function newEvent(n: number, type = 'ContractEventRecorded'): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { n, note: `event ${n}` },
    metadata: { commandId: `command-${n}` },
  };
}

export function newEvents(count: number, from = 0): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(from + i));
}

/**
 * Pages through `readAll` from `after` until every id in `ids` was seen,
 * keeping only those events: other writers may share the store.
 */
export async function readAllOf(
  store: EventStore,
  after: number,
  ids: Set<string>,
  limit = 100,
): Promise<{ events: StoredEvent[]; pages: StoredEvent[][] }> {
  const events: StoredEvent[] = [];
  const pages: StoredEvent[][] = [];
  let position = after;
  while (events.length < ids.size) {
    const page = await store.readAll(position, limit);
    if (page.length === 0) break;
    pages.push(page);
    events.push(...page.filter((e) => ids.has(e.id)));
    position = page[page.length - 1].position;
  }
  return { events, pages };
}
