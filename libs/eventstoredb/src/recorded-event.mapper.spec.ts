import type { RecordedEvent } from '@eventstore/db-client';
import { toEventStoreId } from './event-id';
import { PositionOverflowError } from './eventstoredb-errors';
import {
  isSystemEvent,
  toEventData,
  toPosition,
  toStoredEvent,
  UNKNOWN_POSITION,
} from './recorded-event.mapper';

const UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function recorded(overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    streamId: 'escalation-e1',
    id: UUID,
    isJson: true,
    revision: 3n,
    type: 'EscalationRaised',
    created: new Date('2026-03-01T10:00:00.000Z'),
    data: { level: 'L1_IMMEDIATE' },
    metadata: { commandId: 'c1' },
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  } as RecordedEvent;
}

describe('toStoredEvent', () => {
  it('maps a recorded event onto the port, position from the commit', () => {
    expect(toStoredEvent(recorded())).toEqual({
      id: UUID,
      type: 'EscalationRaised',
      data: { level: 'L1_IMMEDIATE' },
      metadata: { commandId: 'c1' },
      streamId: 'escalation-e1',
      revision: 3,
      position: 4096,
      recordedAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('restores an id that was not a UUID', () => {
    const stored = toEventStoreId('command-1/0', { commandId: 'c1' });

    const event = toStoredEvent(recorded(stored));

    expect(event.id).toBe('command-1/0');
    expect(event.metadata).toEqual({ commandId: 'c1' });
  });

  it('leaves out metadata that is not a JSON object', () => {
    const binary = recorded({ metadata: new Uint8Array([1, 2]) });

    expect(toStoredEvent(binary).metadata).toBeUndefined();
  });
});

describe('toEventData', () => {
  it('writes JSON under the event id when it is a UUID', () => {
    const data = toEventData({ id: UUID, type: 'T', data: { n: 1 } });

    expect(data).toMatchObject({
      id: UUID,
      type: 'T',
      contentType: 'application/json',
      data: { n: 1 },
    });
  });
});

describe('toPosition', () => {
  it.each([
    ['missing', undefined],
    ['the no-position marker', 2n ** 64n - 1n],
  ])('reads a %s position as unknown', (_, commit) => {
    expect(toPosition(commit)).toBe(UNKNOWN_POSITION);
  });

  it('converts positions exactly up to 2^53 - 1', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);

    expect(toPosition(max)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toPosition(max + 1n)).toThrow(PositionOverflowError);
  });
});

describe('isSystemEvent', () => {
  it.each([
    ['a $ type', { type: '$metadata' }, true],
    ['a $ stream', { streamId: '$stats-127.0.0.1:2113' }, true],
    ['an escalation event', {}, false],
  ])('tells %s', (_, overrides, expected) => {
    expect(isSystemEvent(recorded(overrides))).toBe(expected);
  });
});
