import type { BusMessage } from '@qms/ports';

/** A message as `bus_messages` holds it; `seq` is the log position. */
export interface BusRow {
  seq: number;
  topic: string;
  key: string;
  id: string;
  type: string;
  schema_version: number;
  timestamp: string;
  traceparent: string | null;
  payload: string;
}

export function toBusMessage(row: BusRow): BusMessage {
  return {
    id: row.id,
    topic: row.topic,
    key: row.key,
    type: row.type,
    schemaVersion: row.schema_version,
    timestamp: row.timestamp,
    traceparent: row.traceparent ?? undefined,
    payload: JSON.parse(row.payload),
    offset: String(row.seq),
  };
}
