import { v5 as uuidv5 } from 'uuid';

const CANONICAL_UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Fixed forever: changing it would give redelivered commands new ids.
const NON_UUID_NAMESPACE = '79c47af5-daa6-4e65-a940-b20e0051df57';

/** Metadata key that keeps an event id EventStoreDB could not hold. */
export const ORIGINAL_ID_KEY = 'qmsEventId';

type Metadata = Record<string, unknown> | undefined;

/**
 * EventStoreDB takes only UUIDs as event ids. Ours are lowercase UUIDs
 * and pass through; any other id gets a UUID v5 derived from it, so a
 * redelivery still maps to the same id, and the original goes into the
 * metadata to be given back on read.
 */
export function toEventStoreId(
  id: string,
  metadata: Metadata,
): { id: string; metadata: Metadata } {
  if (CANONICAL_UUID.test(id)) return { id, metadata };
  return {
    id: uuidv5(id, NON_UUID_NAMESPACE),
    metadata: { ...metadata, [ORIGINAL_ID_KEY]: id },
  };
}

/** The inverse of `toEventStoreId`. Metadata that held only the id goes. */
export function fromEventStoreId(
  id: string,
  metadata: Metadata,
): { id: string; metadata: Metadata } {
  const original = metadata?.[ORIGINAL_ID_KEY];
  if (typeof original !== 'string') return { id, metadata };
  const { [ORIGINAL_ID_KEY]: _, ...rest } = metadata as Record<string, unknown>;
  return {
    id: original,
    metadata: Object.keys(rest).length > 0 ? rest : undefined,
  };
}
