import type {
  DocumentCollection,
  DocumentFilter,
  DocumentStore,
  DocumentWrite,
} from '@qms/ports';
import { MongoClient, MongoServerError, type Db } from 'mongodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkField, toMongoFilter, toMongoSort } from './mongo-document-query';
import {
  planWrites,
  toStoredDocument,
  VERSION_FIELD,
  type CollectionRun,
  type StoredDocument,
} from './mongo-document-write';
import { isDuplicateKey, isLockContention, mongoCall } from './mongo-errors';
import { replaceIfUnchanged } from './mongo-replace-if';

const HIDDEN = { _id: 0, [VERSION_FIELD]: 0 };
const LOCK_RETRY_PAUSE_MS = 50;
const NAMESPACE_NOT_FOUND = 26;
/**
 * Statements per bulk write. FerretDB 1.24 keeps one of its 100 pooled
 * SQLite connections per statement that replaced an existing document
 * until the whole command ends, and each statement needs one more for
 * its transaction: one command of ~100 such statements, or several
 * writers' commands adding up to it, wait forever and hang the server
 * for every client. Two per command keeps ~50 concurrent writers safe;
 * FerretDB commits each statement on its own anyway, so it costs little.
 */
export const STATEMENTS_PER_WRITE = 2;

export interface MongoDocumentStoreOptions {
  /** Close the client in `close()`. Default false: the caller owns it. */
  ownsClient?: boolean;
}

/**
 * Read models in MongoDB (or FerretDB): one collection per name, the
 * port's id as `_id`, documents stored as JSON would store them.
 *
 * `write` sends each run of same-collection writes as ordered bulk
 * writes of at most STATEMENTS_PER_WRITE statements, in the batch's
 * order. There is no multi-document transaction (FerretDB 1.x has
 * none), so a batch is all-or-nothing only against
 * documents the server would refuse, which are caught before sending. A
 * crash or lost connection mid-batch can leave a prefix applied; every
 * write is an idempotent replace or delete, so a caller that puts its
 * checkpoint last repairs that by replaying from the old checkpoint.
 */
export class MongoDocumentStore implements DocumentStore {
  private readonly db: Db;

  constructor(
    private readonly client: MongoClient,
    database: string,
    private readonly options: MongoDocumentStoreOptions = {},
  ) {
    this.db = client.db(database);
  }

  /** Connects to `url` and owns the client; `close()` disconnects it. */
  static async connect(
    url: string,
    database: string,
  ): Promise<MongoDocumentStore> {
    const client = new MongoClient(url);
    await mongoCall('connect', () => client.connect());
    return new MongoDocumentStore(client, database, { ownsClient: true });
  }

  collection<T extends object>(name: string): DocumentCollection<T> {
    const collection = this.db.collection(name);
    return {
      get: (id) =>
        mongoCall('get', async () => {
          const doc = await collection.findOne(
            { _id: id as never },
            { projection: HIDDEN },
          );
          return (doc ?? undefined) as T | undefined;
        }),
      find: (filter, options = {}) =>
        mongoCall('find', async () => {
          if (options.limit !== undefined && options.limit <= 0) return [];
          const cursor = collection
            .find(toMongoFilter(filter), { projection: HIDDEN })
            .sort(toMongoSort(options));
          if (options.skip) cursor.skip(Math.trunc(options.skip));
          if (options.limit) cursor.limit(Math.trunc(options.limit));
          return (await cursor.toArray()) as T[];
        }),
      count: (filter) =>
        mongoCall('count', () =>
          collection.countDocuments(toMongoFilter(filter)),
        ),
    };
  }

  async write(writes: DocumentWrite[]): Promise<void> {
    for (const run of planWrites(writes)) {
      for (let i = 0; i < run.operations.length; i += STATEMENTS_PER_WRITE) {
        const operations = run.operations.slice(i, i + STATEMENTS_PER_WRITE);
        const chunk = { collection: run.collection, operations };
        await mongoCall('write', () => this.writeRun(chunk));
      }
    }
  }

  /**
   * FerretDB runs an upsert as a query and then an insert, so two writers
   * creating one document can collide on its id, and its SQLite backend
   * refuses a write that lost a lock race. The run is idempotent: sending
   * it again, after a pause for a lock, settles either.
   */
  private async writeRun(run: CollectionRun, attempts = 5): Promise<void> {
    const docs = this.db.collection<StoredDocument>(run.collection);
    try {
      await docs.bulkWrite(run.operations, { ordered: true });
    } catch (error) {
      const locked = isLockContention(error);
      if (attempts <= 1 || !(locked || isDuplicateKey(error))) throw error;
      if (locked) await sleep(LOCK_RETRY_PAUSE_MS);
      await this.writeRun(run, attempts - 1);
    }
  }

  /**
   * One ascending index per field, named after it, so repeats are no-ops.
   * One request per index: FerretDB 1.24 drops the connection when a
   * single createIndexes names several indexes that all exist already.
   */
  async ensureIndexes(collection: string, fields: string[]): Promise<void> {
    const target = this.db.collection(collection);
    for (const field of fields) {
      const key = { [checkField(field)]: 1 };
      await mongoCall('ensureIndexes', () =>
        target.createIndex(key, { name: `by_${field}` }),
      );
    }
  }

  async replaceIf(
    collection: string,
    id: string,
    expected: DocumentFilter,
    doc: object,
  ): Promise<boolean> {
    const replacement = toStoredDocument({ collection, id, doc });
    const filter = { ...toMongoFilter<StoredDocument>(expected), _id: id };
    return mongoCall('replaceIf', () =>
      replaceIfUnchanged(this.db, collection, filter, replacement),
    );
  }

  async drop(collection: string): Promise<void> {
    await mongoCall('drop', async () => {
      try {
        await this.db.collection(collection).drop();
      } catch (error) {
        const missing =
          error instanceof MongoServerError &&
          error.code === NAMESPACE_NOT_FOUND;
        if (!missing) throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.options.ownsClient) await this.client.close();
  }
}
