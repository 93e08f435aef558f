import type { DocumentStore, FieldFilter } from '@qms/ports';
import { ids, seedViews, type EscalationView } from './document-store.fixtures';
import { uniqueName } from './unique-name';

/** Filters, sorting, paging and counting over seeded views. */
export function documentStoreQueryCases(store: () => DocumentStore): void {
  const seeded = async () => {
    const collection = uniqueName('escalations');
    await seedViews(store(), collection);
    return store().collection<EscalationView>(collection);
  };

  it.each([
    ['a string', { status: 'open' }, ['e1', 'e3', 'e5']],
    ['a number', { level: 2 }, ['e2']],
    ['a boolean', { acknowledged: true }, ['e2', 'e4']],
    ['several fields', { status: 'open', team: 'platform' }, ['e3']],
    [
      '$in strings',
      { status: { $in: ['acknowledged', 'resolved'] } },
      ['e2', 'e4'],
    ],
    ['$in numbers', { level: { $in: [5, 1, 9] } }, ['e1', 'e5']],
    ['nothing', {}, ['e1', 'e2', 'e3', 'e4', 'e5']],
    ['a value no document has', { team: 'billing' }, []],
  ])('finds by %s', async (_, filter, expected) => {
    const views = await seeded();

    expect(ids(await views.find(filter, { sort: 'id' }))).toEqual(expected);
  });

  it('tells booleans, numbers and strings apart', async () => {
    const collection = uniqueName('flags');
    const docs = [
      { id: 'true', value: true },
      { id: 'one', value: 1 },
      { id: 'text', value: '1' },
      { id: 'zero', value: 0 },
    ];
    await store().write(docs.map((doc) => ({ collection, id: doc.id, doc })));
    const flags = store().collection<{ id: string; value: unknown }>(
      collection,
    );
    const find = async (value: FieldFilter) =>
      ids(await flags.find({ value }, { sort: 'id' }));

    expect(await find(true)).toEqual(['true']);
    expect(await find(1)).toEqual(['one']);
    expect(await find('1')).toEqual(['text']);
    expect(await find(false)).toEqual([]);
    expect(await find({ $in: [true, '1'] })).toEqual(['text', 'true']);
  });

  it.each([
    ['ascending', 'level', ['e1', 'e2', 'e3', 'e4', 'e5']],
    ['descending', '-level', ['e5', 'e4', 'e3', 'e2', 'e1']],
    ['descending on text', '-id', ['e5', 'e4', 'e3', 'e2', 'e1']],
  ])('sorts %s', async (_, sort, expected) => {
    const views = await seeded();

    expect(ids(await views.find({}, { sort }))).toEqual(expected);
  });

  it.each([
    ['a limit', { limit: 2 }, ['e1', 'e2']],
    ['a skip and a limit', { skip: 1, limit: 2 }, ['e2', 'e3']],
    ['a skip alone', { skip: 3 }, ['e4', 'e5']],
    ['a skip past the end', { skip: 9 }, []],
  ])('pages with %s', async (_, paging, expected) => {
    const views = await seeded();

    const found = await views.find({}, { sort: 'level', ...paging });

    expect(ids(found)).toEqual(expected);
  });

  it('counts the documents a filter matches', async () => {
    const views = await seeded();

    expect(await views.count({ status: 'open' })).toBe(3);
    expect(await views.count({ acknowledged: false, team: 'payments' })).toBe(
      1,
    );
    expect(await views.count({ level: { $in: [2, 4] } })).toBe(2);
    expect(await views.count({ team: 'billing' })).toBe(0);
  });
}
