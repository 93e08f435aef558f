import { planWrites, toStoredDocument } from './mongo-document-write';
import { DocumentRejectedError } from './mongo-errors';

describe('planWrites', () => {
  it('groups consecutive writes to one collection and keeps the batch order', () => {
    const runs = planWrites([
      { collection: 'a', id: '1', doc: { id: '1' } },
      { collection: 'a', id: '2', doc: null },
      { collection: 'checkpoints', id: 'p', doc: { at: 7 } },
      { collection: 'a', id: '3', doc: { id: '3' } },
    ]);

    expect(runs.map((r) => [r.collection, r.operations.length])).toEqual([
      ['a', 2],
      ['checkpoints', 1],
      ['a', 1],
    ]);
    expect(runs[0].operations).toEqual([
      {
        replaceOne: {
          filter: { _id: '1' },
          replacement: { id: '1', _id: '1', _writeId: expect.any(String) },
          upsert: true,
        },
      },
      { deleteOne: { filter: { _id: '2' } } },
    ]);
  });

  it('stores what JSON would store: no undefined, dates as text', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');

    const [run] = planWrites([
      { collection: 'a', id: '1', doc: { at, gone: undefined, n: 1 } },
    ]);

    expect(run.operations[0]).toEqual({
      replaceOne: {
        filter: { _id: '1' },
        replacement: {
          at: '2026-01-02T03:04:05.000Z',
          n: 1,
          _id: '1',
          _writeId: expect.any(String),
        },
        upsert: true,
      },
    });
  });

  it('gives every stored version a new write id', () => {
    const write = { collection: 'a', id: '1', doc: { id: '1' } };

    const [first, second] = [toStoredDocument(write), toStoredDocument(write)];

    expect(first._writeId).not.toEqual(second._writeId);
  });

  it.each(['_id', '_writeId'])('rejects a document with its own %s', (key) => {
    const plan = () =>
      planWrites([{ collection: 'a', id: '1', doc: { [key]: 'mine' } }]);

    expect(plan).toThrow(DocumentRejectedError);
  });

  it('rejects the whole batch when one document is cyclic', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;

    const plan = () =>
      planWrites([
        { collection: 'a', id: '1', doc: { id: '1' } },
        { collection: 'a', id: '2', doc: cyclic },
      ]);

    expect(plan).toThrow(DocumentRejectedError);
    expect(plan).toThrow(/document 2 in a is not JSON/);
  });

  it.each([
    ['a dotted key', { labels: { 'team.name': 'x' } }, 'team.name'],
    ['a $ key', { $set: 1 }, '$set'],
    ['a $ key inside a list', { items: [{ ok: 1 }, { $x: 1 }] }, '$x'],
  ])('rejects %s', (_, doc, key) => {
    const plan = () => planWrites([{ collection: 'a', id: '1', doc }]);

    expect(plan).toThrow(DocumentRejectedError);
    expect(plan).toThrow(key);
  });
});
