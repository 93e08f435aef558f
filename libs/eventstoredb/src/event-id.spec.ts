import { fromEventStoreId, ORIGINAL_ID_KEY, toEventStoreId } from './event-id';

const UUID = 'a3bb189e-8bf9-5888-9912-ace4e6543002';

describe('event ids for EventStoreDB', () => {
  it('passes a lowercase UUID and its metadata through', () => {
    const metadata = { commandId: 'c1' };

    expect(toEventStoreId(UUID, metadata)).toEqual({ id: UUID, metadata });
  });

  it('derives the same UUID from the same non-UUID id every time', () => {
    const first = toEventStoreId('command-7/0', undefined);
    const again = toEventStoreId('command-7/0', undefined);
    const other = toEventStoreId('command-7/1', undefined);

    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-/);
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
  });

  it('treats an uppercase UUID as foreign, so it reads back unchanged', () => {
    const upper = UUID.toUpperCase();

    const stored = toEventStoreId(upper, undefined);

    expect(stored.id).not.toBe(upper);
    expect(fromEventStoreId(stored.id, stored.metadata)).toEqual({
      id: upper,
      metadata: undefined,
    });
  });

  it('gives back the original id and the caller metadata on read', () => {
    const stored = toEventStoreId('command-7/0', { commandId: 'c7' });

    expect(stored.metadata).toEqual({
      commandId: 'c7',
      [ORIGINAL_ID_KEY]: 'command-7/0',
    });
    expect(fromEventStoreId(stored.id, stored.metadata)).toEqual({
      id: 'command-7/0',
      metadata: { commandId: 'c7' },
    });
  });

  it('reads an event without the key as it is', () => {
    expect(fromEventStoreId(UUID, { commandId: 'c1' })).toEqual({
      id: UUID,
      metadata: { commandId: 'c1' },
    });
  });
});
