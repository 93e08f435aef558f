import type { RuntimeSettings } from '@qms/config';
import { MongoDocumentStore } from '@qms/mongodb';
import type { DocumentStore } from '@qms/ports';

const DEFAULT_URL = 'mongodb://127.0.0.1:27017/qms';

/**
 * MongoDB (FerretDB in tests) at MONGODB_URL; the database is the URL's
 * path, `qms` when it has none. Services keep disjoint collections.
 */
export function distributedDocuments(
  settings: RuntimeSettings,
): Promise<DocumentStore> {
  const url = settings.mongodbUrl || DEFAULT_URL;
  const database = new URL(url).pathname.replace(/^\//, '') || 'qms';
  return MongoDocumentStore.connect(url, database);
}
