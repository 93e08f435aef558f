import { WrongExpectedRevisionError, type EventStore } from '@qms/ports';
import { newEvent, newEvents } from './event-store.fixtures';
import { uniqueName } from './unique-name';

/** Appends: expected revisions, conflicts, duplicates, races. */
export function eventStoreAppendCases(store: () => EventStore): void {
  it('appends to a new stream when expecting -1', async () => {
    const stream = uniqueName('escalation');

    const result = await store().append(stream, newEvents(2), -1);

    expect(result).toEqual({ revision: 1, duplicate: false });
    expect(await store().readStream(stream)).toHaveLength(2);
  });

  it('appends when the expected revision is the current one', async () => {
    const stream = uniqueName('escalation');
    await store().append(stream, newEvents(1), -1);

    const result = await store().append(stream, newEvents(2, 1), 0);

    expect(result).toEqual({ revision: 2, duplicate: false });
    const events = await store().readStream(stream);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it.each([
    ['a stale revision', 0],
    ['-1 on an existing stream', -1],
    ['a revision past the end', 5],
  ])('rejects %s and writes nothing', async (_, expected) => {
    const stream = uniqueName('escalation');
    await store().append(stream, newEvents(2), -1);

    const append = store().append(stream, [newEvent(9)], expected);

    await expect(append).rejects.toThrow(WrongExpectedRevisionError);
    await expect(append).rejects.toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      streamId: stream,
      expected,
    });
    expect(await store().readStream(stream)).toHaveLength(2);
  });

  it('rejects a positive revision on a stream that does not exist', async () => {
    const stream = uniqueName('escalation');

    const append = store().append(stream, newEvents(1), 0);

    await expect(append).rejects.toThrow(WrongExpectedRevisionError);
    expect(await store().readStream(stream)).toEqual([]);
  });

  it('treats re-appended event ids as a duplicate, even when the expected revision is stale', async () => {
    const stream = uniqueName('escalation');
    const first = newEvents(2);
    const second = [newEvent(2)];
    await store().append(stream, first, -1);
    await store().append(stream, second, 1);

    const again = await store().append(stream, first, -1);
    const againLast = await store().append(stream, second, 1);

    expect(again.duplicate).toBe(true);
    expect(againLast.duplicate).toBe(true);
    const events = await store().readStream(stream);
    expect(events.map((e) => e.id)).toEqual(
      [...first, ...second].map((e) => e.id),
    );
  });

  it('lets exactly one of several racing appends with one expected revision win', async () => {
    const stream = uniqueName('escalation');
    await store().append(stream, newEvents(1), -1);
    const contenders = newEvents(5, 1);

    const outcomes = await Promise.allSettled(
      contenders.map((event) => store().append(stream, [event], 0)),
    );

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [o.reason] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    lost.forEach((reason) =>
      expect(reason).toBeInstanceOf(WrongExpectedRevisionError),
    );
    const events = await store().readStream(stream);
    const winner = contenders[outcomes.indexOf(won[0])];
    expect(events.map((e) => e.id)).toEqual([events[0].id, winner.id]);
  });
}
