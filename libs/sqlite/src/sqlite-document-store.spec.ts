import { SqliteDatabase } from './sqlite-database';
import { selectDocuments } from './sqlite-document-query';
import { SqliteDocumentStore } from './sqlite-document-store';

describe('SqliteDocumentStore indexes', () => {
  let sqlite: SqliteDatabase;
  let store: SqliteDocumentStore;

  beforeEach(() => {
    sqlite = new SqliteDatabase(':memory:');
    store = new SqliteDocumentStore(sqlite);
  });

  afterEach(() => sqlite.close());

  const plan = (filter: Parameters<typeof selectDocuments>[2]) => {
    const { sql, params } = selectDocuments('body', 'escalations', filter);
    const steps = sqlite.db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params) as Array<{ detail: string }>;
    return steps.map((s) => s.detail).join('; ');
  };
  const indexNames = () =>
    sqlite.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index'")
      .all()
      .map((row) => (row as { name: string }).name)
      .filter((name) => !name.startsWith('sqlite_'));

  it('keeps one index per field however many collections declare it', async () => {
    await store.ensureIndexes('escalations', ['status', 'level']);
    await store.ensureIndexes('deliveries', ['status']);

    expect(indexNames().sort()).toEqual([
      'documents_by:level',
      'documents_by:status',
    ]);
  });

  it.each([
    ['equality', { status: 'open' }],
    ['a boolean', { acknowledged: true }],
    ['$in', { status: { $in: ['open', 'acknowledged'] } }],
  ])('searches a declared field by %s through its index', async (_, filter) => {
    await store.ensureIndexes('escalations', ['status', 'acknowledged']);

    const field = Object.keys(filter)[0];
    expect(plan(filter)).toContain(
      `USING INDEX documents_by:${field} (collection=? AND <expr>=?)`,
    );
  });

  it('refuses a field name that is not a plain path', async () => {
    await expect(
      store.ensureIndexes('escalations', ["x') --"]),
    ).rejects.toThrow(/invalid field name/);
    expect(() => selectDocuments('body', 'escalations', { 'a-b': 1 })).toThrow(
      /invalid field name/,
    );
  });
});
