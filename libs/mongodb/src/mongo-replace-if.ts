import { randomUUID } from 'node:crypto';
import type { Db, Filter } from 'mongodb';
import { VERSION_FIELD, type StoredDocument } from './mongo-document-write';
import { isDuplicateKey } from './mongo-errors';

/** Where claims live, in the store's database, beside the read models. */
export const CLAIMS_COLLECTION = 'qms_claims';
/** A claim older than this was left by a writer that died holding it. */
export const CLAIM_LEASE_MS = 30_000;

interface Claim {
  _id: string;
  by: string;
  at: number;
}

/**
 * Compare-and-set on one document. FerretDB 1.x runs a conditional
 * update as a query followed by a write by id, so two writers can both
 * match; an insert with a taken `_id` fails atomically, though. So a
 * writer first claims the version it read (every write stores a fresh
 * VERSION_FIELD), replaces only while the document still carries that
 * version, and then releases the claim. One claimant per version wins.
 */
export async function replaceIfUnchanged(
  db: Db,
  collection: string,
  filter: Filter<StoredDocument>,
  replacement: StoredDocument,
): Promise<boolean> {
  const docs = db.collection<StoredDocument>(collection);
  const projection = { [VERSION_FIELD]: 1 };
  const current = await docs.findOne(filter, { projection });
  if (!current) return false;

  const version = current[VERSION_FIELD] ?? null;
  const claim = await takeClaim(db, `${collection}/${current._id}/${version}`);
  if (!claim) return false;
  try {
    const sameVersion =
      version === null ? { $exists: false } : { $eq: version };
    const unchanged = { ...filter, [VERSION_FIELD]: sameVersion };
    const result = await docs.replaceOne(
      unchanged as Filter<StoredDocument>,
      replacement,
    );
    return result.matchedCount === 1;
  } finally {
    await claims(db).deleteOne({ _id: claim._id, by: claim.by });
  }
}

async function takeClaim(db: Db, name: string): Promise<Claim | undefined> {
  const claim = { _id: name, by: randomUUID(), at: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await claims(db).insertOne(claim);
      return claim;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const held = await claims(db).findOne({ _id: name });
    if (held && Date.now() - held.at < CLAIM_LEASE_MS) return undefined;
    if (held) await claims(db).deleteOne({ _id: name, by: held.by });
  }
  return undefined;
}

function claims(db: Db) {
  return db.collection<Claim>(CLAIMS_COLLECTION);
}
