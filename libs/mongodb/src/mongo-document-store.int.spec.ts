import {
  documentStoreContract,
  ensureFerretDb,
  uniqueName,
  type FerretDbServer,
} from '@qms/testing';
import { MongoClient } from 'mongodb';
import { MongoDocumentStore } from './mongo-document-store';
import { DocumentRejectedError } from './mongo-errors';
import { CLAIM_LEASE_MS, CLAIMS_COLLECTION } from './mongo-replace-if';

// Building FerretDB on a cold Go cache takes minutes.
const SERVER_START_MS = 10 * 60_000;

let server: FerretDbServer;
let client: MongoClient;

beforeAll(async () => {
  server = await ensureFerretDb();
  client = await new MongoClient(server.url).connect();
}, SERVER_START_MS);

afterAll(async () => {
  await client?.close();
  await server?.stop();
});

// Every test owns a database, dropped when it ends.
async function freshStore() {
  const database = uniqueName('qms-contract');
  const store = new MongoDocumentStore(client, database);
  const dispose = async () => {
    await client.db(database).dropDatabase();
    await store.close();
  };
  return { store, database, dispose };
}

documentStoreContract('MongoDocumentStore', freshStore);

describe('MongoDocumentStore on FerretDB', () => {
  it('rejects a key the server cannot store before writing any of the batch', async () => {
    const { store, dispose } = await freshStore();
    const collection = uniqueName('escalations');

    const write = store.write([
      { collection, id: 'e1', doc: { id: 'e1' } },
      { collection, id: 'e2', doc: { id: 'e2', labels: { 'team.name': 'x' } } },
    ]);

    await expect(write).rejects.toThrow(DocumentRejectedError);
    expect(await store.collection(collection).count({})).toBe(0);
    await dispose();
  });

  it('keeps its client open on close when the caller owns it', async () => {
    const { store, dispose } = await freshStore();

    await store.close();

    await expect(
      client.db('admin').command({ ping: 1 }),
    ).resolves.toMatchObject({ ok: 1 });
    await dispose();
  });

  it('connects on its own, and closes a client it owns', async () => {
    const database = uniqueName('qms-contract');
    const store = await MongoDocumentStore.connect(server.url, database);
    await store.write([{ collection: 'c', id: 'a', doc: { id: 'a' } }]);
    expect(await store.collection('c').get('a')).toEqual({ id: 'a' });
    await client.db(database).dropDatabase();
    await store.close();

    const owned = await new MongoClient(server.url).connect();
    const closed = new Promise((done) => owned.once('topologyClosed', done));
    await new MongoDocumentStore(owned, database, { ownsClient: true }).close();

    await expect(closed).resolves.toBeDefined();
  });

  // FerretDB 1.24 held a pooled connection per replacing statement until
  // the command ended: one batch of 150 replacements hung the server.
  it('replaces a batch of 150 existing documents without hanging the server', async () => {
    const { database, dispose } = await freshStore();
    const bounded = await new MongoClient(server.url, {
      socketTimeoutMS: 20_000,
    }).connect();
    const store = new MongoDocumentStore(bounded, database);
    const batch = (version: number) =>
      Array.from({ length: 150 }, (_, i) => ({
        collection: 'ledger',
        id: `k${i}`,
        doc: { id: `k${i}`, version },
      }));
    await store.write(batch(1));

    await store.write(batch(2));

    expect(await store.collection('ledger').count({ version: 2 })).toBe(150);
    await bounded.close();
    await dispose();
  });

  describe('replaceIf', () => {
    const retry = { id: 'k', status: 'retry', attempt: 1 };
    const claim = { id: 'k', status: 'sending', attempt: 2 };

    async function seeded() {
      const fresh = await freshStore();
      const collection = uniqueName('ledger');
      await fresh.store.write([{ collection, id: 'k', doc: retry }]);
      const claims = client.db(fresh.database).collection(CLAIMS_COLLECTION);
      return { ...fresh, collection, claims };
    }

    it('lets one of many racing writers on separate clients win', async () => {
      const { database, collection, dispose } = await seeded();
      const clients = await Promise.all(
        [1, 2, 3].map(() => new MongoClient(server.url).connect()),
      );
      const stores = clients.map((c) => new MongoDocumentStore(c, database));

      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          stores[i % 3].replaceIf(collection, 'k', { status: 'retry' }, claim),
        ),
      );

      expect(outcomes.filter(Boolean)).toHaveLength(1);
      await Promise.all(clients.map((c) => c.close()));
      await dispose();
    });

    it('waits out a claim another writer holds', async () => {
      const { store, database, collection, dispose } = await seeded();
      await takeForeignClaim(database, collection, Date.now());

      const won = await store.replaceIf(collection, 'k', {}, claim);

      expect(won).toBe(false);
      expect(await store.collection(collection).get('k')).toEqual(retry);
      await dispose();
    });

    it('breaks a claim left behind by a writer that died', async () => {
      const { store, database, collection, claims, dispose } = await seeded();
      const expired = Date.now() - CLAIM_LEASE_MS - 1000;
      await takeForeignClaim(database, collection, expired);

      const won = await store.replaceIf(collection, 'k', {}, claim);

      expect(won).toBe(true);
      expect(await store.collection(collection).get('k')).toEqual(claim);
      expect(await claims.countDocuments({})).toBe(0);
      await dispose();
    });
  });

  // A claim on the stored version of `k`, as a concurrent writer takes it.
  async function takeForeignClaim(
    database: string,
    collection: string,
    at: number,
  ) {
    const db = client.db(database);
    const stored = await db
      .collection(collection)
      .findOne({ _id: 'k' as never });
    const name = `${collection}/k/${stored?._writeId}`;
    await db
      .collection(CLAIMS_COLLECTION)
      .insertOne({ _id: name as never, by: 'someone else', at });
  }
});
