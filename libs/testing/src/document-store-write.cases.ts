import type { DocumentStore } from '@qms/ports';
import {
  ids,
  seedViews,
  VIEWS,
  type EscalationView,
} from './document-store.fixtures';
import { uniqueName } from './unique-name';

/** Writes, replacement, deletion, atomic batches, indexes, drop. */
export function documentStoreWriteCases(store: () => DocumentStore): void {
  const views = (collection: string) =>
    store().collection<EscalationView>(collection);

  it('gets back a written document, and nothing for an unknown id', async () => {
    const collection = uniqueName('escalations');
    await store().write([{ collection, id: 'e1', doc: VIEWS[0] }]);

    expect(await views(collection).get('e1')).toEqual(VIEWS[0]);
    expect(await views(collection).get('e9')).toBeUndefined();
  });

  it('replaces a document written again under the same id', async () => {
    const collection = uniqueName('escalations');
    await store().write([{ collection, id: 'e1', doc: VIEWS[0] }]);
    const replacement = { id: 'e1', status: 'closed', level: 2 };

    await store().write([{ collection, id: 'e1', doc: replacement }]);

    expect(await views(collection).get('e1')).toEqual(replacement);
    expect(await views(collection).count({})).toBe(1);
  });

  it('deletes a document written as null, and a missing one quietly', async () => {
    const collection = uniqueName('escalations');
    await seedViews(store(), collection);

    await store().write([
      { collection, id: 'e1', doc: null },
      { collection, id: 'e9', doc: null },
    ]);

    expect(await views(collection).get('e1')).toBeUndefined();
    expect(await views(collection).count({})).toBe(VIEWS.length - 1);
  });

  it('applies a batch across collections together', async () => {
    const [a, b] = [uniqueName('escalations'), uniqueName('checkpoints')];

    await store().write([
      { collection: a, id: 'e1', doc: VIEWS[0] },
      { collection: b, id: 'projector', doc: { id: 'projector', at: 7 } },
      { collection: a, id: 'e2', doc: VIEWS[1] },
    ]);

    expect(ids(await views(a).find({}, { sort: 'id' }))).toEqual(['e1', 'e2']);
    expect(await store().collection(b).get('projector')).toEqual({
      id: 'projector',
      at: 7,
    });
  });

  it('applies none of a batch that fails', async () => {
    const [a, b] = [uniqueName('escalations'), uniqueName('checkpoints')];
    await store().write([{ collection: a, id: 'e1', doc: VIEWS[0] }]);
    const unstorable: Record<string, unknown> = { id: 'projector' };
    unstorable.self = unstorable;

    const write = store().write([
      { collection: a, id: 'e1', doc: { ...VIEWS[0], status: 'closed' } },
      { collection: a, id: 'e2', doc: VIEWS[1] },
      { collection: b, id: 'projector', doc: unstorable },
    ]);

    await expect(write).rejects.toThrow();
    expect(await views(a).get('e1')).toEqual(VIEWS[0]);
    expect(await views(a).get('e2')).toBeUndefined();
    expect(await store().collection(b).count({})).toBe(0);
  });

  it('accepts the same index declaration twice', async () => {
    const collection = uniqueName('escalations');
    await seedViews(store(), collection);

    await store().ensureIndexes(collection, ['status', 'level']);
    await store().ensureIndexes(collection, ['status', 'level']);

    const open = await views(collection).find(
      { status: 'open' },
      { sort: 'level' },
    );
    expect(ids(open)).toEqual(['e1', 'e3', 'e5']);
  });

  it('drops one collection and leaves the others', async () => {
    const [dropped, kept] = [uniqueName('escalations'), uniqueName('levels')];
    await seedViews(store(), dropped);
    await seedViews(store(), kept);

    await store().drop(dropped);

    expect(await views(dropped).find({})).toEqual([]);
    expect(await views(kept).count({})).toBe(VIEWS.length);
    await store().write([{ collection: dropped, id: 'e1', doc: VIEWS[0] }]);
    expect(await views(dropped).count({})).toBe(1);
  });

  it('replaces a document only while it matches the expected fields', async () => {
    const collection = uniqueName('ledger');
    const sending = { key: 'k', status: 'retry', attempt: 1 };
    await store().write([{ collection, id: 'k', doc: sending }]);
    const claim = { ...sending, status: 'sending', attempt: 2 };

    const [first, second] = await Promise.all([
      store().replaceIf(collection, 'k', { status: 'retry' }, claim),
      store().replaceIf(collection, 'k', { status: 'retry' }, claim),
    ]);

    expect([first, second].sort()).toEqual([false, true]);
    expect(await views(collection).get('k')).toEqual(claim);
    expect(await store().replaceIf(collection, 'nope', {}, claim)).toBe(false);
  });
}
