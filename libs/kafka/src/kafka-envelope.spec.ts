import type { OutgoingMessage } from '@qms/ports';
import type { KafkaMessage, Message } from 'kafkajs';
import { fromKafkaMessage, toKafkaMessage } from './kafka-envelope';

const NOW = new Date('2025-03-01T12:00:00.000Z');
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const message: OutgoingMessage = {
  id: 'evt-1',
  topic: 'qms.events.v1',
  key: 'fp-42',
  type: 'EventAccepted',
  schemaVersion: 2,
  traceparent: TRACEPARENT,
  payload: { fingerprint: 'fp-42', level: 'L1_IMMEDIATE' },
};

/** What a consumer gets back: bytes, an offset, a record timestamp. */
function received(record: Message, offset = '7'): KafkaMessage {
  const headers = Object.fromEntries(
    Object.entries(record.headers ?? {}).map(([k, v]) => [
      k,
      Buffer.from(String(v)),
    ]),
  );
  return {
    key: record.key === undefined ? null : Buffer.from(String(record.key)),
    value: record.value ? Buffer.from(String(record.value)) : null,
    timestamp: String(record.timestamp),
    attributes: 0,
    offset,
    headers,
  };
}

describe('Kafka envelope', () => {
  it('keys the record by the message key and carries the envelope in headers', () => {
    const record = toKafkaMessage(message, NOW);

    expect(record.key).toBe('fp-42');
    expect(JSON.parse(String(record.value))).toEqual(message.payload);
    expect(record.headers).toEqual({
      id: 'evt-1',
      type: 'EventAccepted',
      schemaVersion: '2',
      timestamp: NOW.toISOString(),
      traceparent: TRACEPARENT,
    });
    expect(record.timestamp).toBe(String(NOW.getTime()));
  });

  it('decodes a record back into the message it was made from, with its position', () => {
    const sent = { ...message, timestamp: '2024-05-01T10:00:00.000Z' };

    const back = fromKafkaMessage(
      sent.topic,
      2,
      received(toKafkaMessage(sent, NOW)),
    );

    expect(back).toEqual({ ...sent, offset: '2:7' });
  });

  it('leaves traceparent out when the publisher had no trace', () => {
    const untraced = { ...message, traceparent: undefined };

    const record = toKafkaMessage(untraced, NOW);
    const back = fromKafkaMessage(message.topic, 0, received(record));

    expect(record.headers).not.toHaveProperty('traceparent');
    expect(back).not.toHaveProperty('traceparent');
  });

  it('reads a foreign record by its position, record time and raw text', () => {
    const foreign = received({ key: 'k', value: 'not json', timestamp: '0' });

    const back = fromKafkaMessage('qms.ingest.v1', 1, foreign);

    expect(back).toMatchObject({
      id: 'qms.ingest.v1@1:7',
      type: '',
      schemaVersion: 0,
      timestamp: '1970-01-01T00:00:00.000Z',
      payload: 'not json',
    });
  });
});
