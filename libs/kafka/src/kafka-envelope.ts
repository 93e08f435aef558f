import type { BusMessage, OutgoingMessage } from '@qms/ports';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/**
 * How a bus message sits in a Kafka record: the key is the message key
 * (one subject, one partition), the value is the JSON payload, and the
 * envelope travels in headers so consumers can route and trace without
 * parsing the payload. `traceparent` is the W3C header name.
 */
export const ENVELOPE_HEADERS = {
  id: 'id',
  type: 'type',
  schemaVersion: 'schemaVersion',
  timestamp: 'timestamp',
  traceparent: 'traceparent',
} as const;

export function toKafkaMessage(message: OutgoingMessage, now: Date): Message {
  const timestamp = message.timestamp ?? now.toISOString();
  const millis = Date.parse(timestamp);
  const headers: IHeaders = {
    [ENVELOPE_HEADERS.id]: message.id,
    [ENVELOPE_HEADERS.type]: message.type,
    [ENVELOPE_HEADERS.schemaVersion]: String(message.schemaVersion),
    [ENVELOPE_HEADERS.timestamp]: timestamp,
  };
  if (message.traceparent) {
    headers[ENVELOPE_HEADERS.traceparent] = message.traceparent;
  }
  return {
    key: message.key,
    value: JSON.stringify(message.payload ?? null),
    timestamp: String(Number.isNaN(millis) ? now.getTime() : millis),
    headers,
  };
}

/**
 * Never throws: a record from a foreign producer (missing headers, a value
 * that is not JSON) still becomes a message, with its position as id and
 * the raw text as payload, so the handler's validation rejects it and the
 * usual retry and dead-letter path applies.
 */
export function fromKafkaMessage(
  topic: string,
  partition: number,
  record: KafkaMessage,
): BusMessage {
  const header = (name: string) => headerText(record.headers, name);
  const offset = `${partition}:${record.offset}`;
  const message: BusMessage = {
    id: header(ENVELOPE_HEADERS.id) ?? `${topic}@${offset}`,
    topic,
    key: record.key?.toString() ?? '',
    type: header(ENVELOPE_HEADERS.type) ?? '',
    schemaVersion: Number(header(ENVELOPE_HEADERS.schemaVersion) ?? 0),
    timestamp:
      header(ENVELOPE_HEADERS.timestamp) ??
      new Date(Number(record.timestamp)).toISOString(),
    payload: parsePayload(record.value),
    offset,
  };
  const traceparent = header(ENVELOPE_HEADERS.traceparent);
  if (traceparent) message.traceparent = traceparent;
  return message;
}

function headerText(
  headers: IHeaders | undefined,
  name: string,
): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function parsePayload(value: Buffer | null): unknown {
  if (value === null) return null;
  const text = value.toString();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
