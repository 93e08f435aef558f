import type { EventStore } from '@qms/ports';
import { DEFAULT_WAIT_MS, type ContractOptions } from './contract-options';
import { newEvent, newEvents, readAllOf } from './event-store.fixtures';
import { uniqueName } from './unique-name';
import { waitFor } from './wait-for';

/** Reads of one stream and of all streams, and the append hint. */
export function eventStoreReadCases(
  store: () => EventStore,
  options: ContractOptions,
): void {
  const timeoutMs = options.waitMs ?? DEFAULT_WAIT_MS;

  it('reads a stream in revision order with everything appended', async () => {
    const stream = uniqueName('escalation');
    const appended = newEvents(3);
    await store().append(stream, appended.slice(0, 2), -1);
    await store().append(stream, appended.slice(2), 1);

    const events = await store().readStream(stream);

    expect(events).toEqual(
      appended.map((e, revision) => ({
        ...e,
        streamId: stream,
        revision,
        position: expect.any(Number),
        recordedAt: expect.any(String),
      })),
    );
    expect(events.every((e) => !Number.isNaN(Date.parse(e.recordedAt)))).toBe(
      true,
    );
  });

  it('reads an unknown stream as empty', async () => {
    expect(await store().readStream(uniqueName('missing'))).toEqual([]);
  });

  it('reads all streams in commit order with increasing positions', async () => {
    const [a, b] = [uniqueName('escalation-a'), uniqueName('escalation-b')];
    const order = [newEvent(0), newEvent(1), newEvent(2), newEvent(3)];
    await store().append(a, [order[0]], -1);
    await store().append(b, [order[1]], -1);
    await store().append(a, [order[2]], 0);
    await store().append(b, [order[3]], 0);
    const [start] = await store().readStream(a);

    const ids = new Set(order.map((e) => e.id));
    const { events } = await readAllOf(store(), start.position - 1, ids);

    expect(events.map((e) => e.id)).toEqual(order.map((e) => e.id));
    expect(events.map((e) => e.streamId)).toEqual([a, b, a, b]);
    expect(isIncreasing(events.map((e) => e.position))).toBe(true);
  });

  it('pages through all streams with a limit', async () => {
    const stream = uniqueName('escalation');
    const appended = newEvents(5);
    await store().append(stream, appended, -1);
    const [start] = await store().readStream(stream);

    const ids = new Set(appended.map((e) => e.id));
    const { events, pages } = await readAllOf(
      store(),
      start.position - 1,
      ids,
      2,
    );

    expect(events.map((e) => e.id)).toEqual(appended.map((e) => e.id));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    expect(isIncreasing(pages.flat().map((e) => e.position))).toBe(true);
  });

  it('reads nothing after the last position', async () => {
    const stream = uniqueName('escalation');
    await store().append(stream, newEvents(1), -1);
    const [event] = await store().readStream(stream);

    const after = await store().readAll(event.position, 100);

    expect(after.map((e) => e.streamId)).not.toContain(stream);
  });

  it('calls append listeners after an append, until they are removed', async () => {
    let kept = 0;
    let removed = 0;
    store().onAppend(() => kept++);
    const off = store().onAppend(() => removed++);
    await store().append(uniqueName('escalation'), newEvents(1), -1);
    await waitFor(() => kept >= 1 && removed >= 1, { timeoutMs });

    off();
    const [keptBefore, removedBefore] = [kept, removed];
    await store().append(uniqueName('escalation'), newEvents(1), -1);

    const description = 'the kept listener to hear the second append';
    await waitFor(() => kept > keptBefore, { timeoutMs, description });
    expect(removed).toBe(removedBefore);
  });
}

function isIncreasing(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v > values[i - 1]);
}
