import {
  jsonEvent,
  type EventData,
  type JSONType,
  type RecordedEvent,
} from '@eventstore/db-client';
import type { NewEvent, StoredEvent } from '@qms/ports';
import { fromEventStoreId, toEventStoreId } from './event-id';
import { PositionOverflowError } from './eventstoredb-errors';

/**
 * A stream read on servers before 22.6 carries no position (older ones
 * send 2^64 - 1); such events get this one. Reads of $all always have it.
 */
export const UNKNOWN_POSITION = -1;
const NO_POSITION = 2n ** 64n - 1n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function toEventData(event: NewEvent): EventData {
  const { id, metadata } = toEventStoreId(event.id, event.metadata);
  return jsonEvent({
    id,
    type: event.type,
    data: event.data as JSONType,
    metadata,
  });
}

export function toStoredEvent(event: RecordedEvent): StoredEvent {
  const metadata = isRecord(event.metadata) ? event.metadata : undefined;
  const restored = fromEventStoreId(event.id, metadata);
  return {
    id: restored.id,
    type: event.type,
    data: event.data,
    metadata: restored.metadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toPosition(event.position?.commit),
    recordedAt: event.created.toISOString(),
  };
}

/**
 * The commit position, a byte offset in the server's log, as a number.
 * Exact up to 2^53 bytes (8 PiB of log); past that it throws rather than
 * round, since a rounded position could skip or repeat events.
 */
export function toPosition(commit: bigint | undefined): number {
  if (commit === undefined || commit === NO_POSITION) return UNKNOWN_POSITION;
  if (commit > MAX_SAFE) throw new PositionOverflowError(commit);
  return Number(commit);
}

/** Events of system streams and system types ($...) are not ours. */
export function isSystemEvent(event: RecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}
