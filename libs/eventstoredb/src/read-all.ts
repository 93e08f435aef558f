import {
  FORWARDS,
  START,
  type AllStreamRecordedEvent,
  type EventStoreDBClient,
  type ReadPosition,
} from '@eventstore/db-client';
import type { StoredEvent } from '@qms/ports';
import { isTransient } from './eventstoredb-errors';
import { isSystemEvent, toStoredEvent } from './recorded-event.mapper';

/**
 * Events after commit position `after`, in commit order, at most `limit`,
 * system events left out. The client cannot filter a read of $all on the
 * server, so batches are read and filtered here until the page is full or
 * $all ends.
 *
 * EventStoreDB reads $all only from the start of a record; a position
 * that is not one (e.g. an event's position minus one) is refused, and
 * the read starts over from the beginning of $all instead. That scan is
 * as long as the log: callers that pass positions this store returned,
 * as catch-up subscriptions do, never take it.
 */
export async function readAllAfter(
  client: EventStoreDBClient,
  after: number,
  limit: number,
): Promise<StoredEvent[]> {
  if (after <= 0) return readFrom(client, START, after, limit);
  const exact = BigInt(Math.trunc(after));
  try {
    return await readFrom(
      client,
      { commit: exact, prepare: exact },
      after,
      limit,
    );
  } catch (error) {
    if (isTransient(error)) throw error;
    return readFrom(client, START, after, limit);
  }
}

async function readFrom(
  client: EventStoreDBClient,
  from: ReadPosition,
  after: number,
  limit: number,
): Promise<StoredEvent[]> {
  const page: StoredEvent[] = [];
  // Position 0 means "from the start", whatever the first event's is.
  let seen = after <= 0 ? -1n : BigInt(Math.trunc(after));
  let position = from;
  while (page.length < limit) {
    const batch = await readBatch(client, position, limit + 1);
    for (const event of batch) {
      if (event.position.commit <= seen) continue;
      seen = event.position.commit;
      if (!isSystemEvent(event)) page.push(toStoredEvent(event));
      if (page.length === limit) break;
    }
    if (batch.length < limit + 1) break;
    position = batch[batch.length - 1].position;
  }
  return page;
}

async function readBatch(
  client: EventStoreDBClient,
  fromPosition: ReadPosition,
  maxCount: number,
): Promise<AllStreamRecordedEvent[]> {
  const batch: AllStreamRecordedEvent[] = [];
  const read = client.readAll({ fromPosition, maxCount, direction: FORWARDS });
  for await (const resolved of read) {
    if (resolved.event) batch.push(resolved.event);
  }
  return batch;
}
