import type { DocumentWrite } from '@qms/ports';
import type { AnyBulkWriteOperation } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { DocumentRejectedError } from './mongo-errors';

/**
 * Stored beside each document, new on every write, so a compare-and-set
 * can tell whether the document changed since it was read. Like `_id`,
 * it is never returned and a document may not carry it.
 */
export const VERSION_FIELD = '_writeId';
const RESERVED_KEYS = ['_id', VERSION_FIELD];

export interface CollectionRun {
  collection: string;
  operations: AnyBulkWriteOperation<StoredDocument>[];
}

export interface StoredDocument {
  _id: string;
  [VERSION_FIELD]?: string;
  [field: string]: unknown;
}

/**
 * Turns a batch into bulk writes, one per run of consecutive writes to
 * the same collection, so the batch's order is kept across collections.
 * Every document is checked first: a batch with one unstorable document
 * is rejected before anything is sent.
 */
export function planWrites(writes: DocumentWrite[]): CollectionRun[] {
  const runs: CollectionRun[] = [];
  for (const write of writes) {
    const operation = toOperation(write);
    const last = runs[runs.length - 1];
    if (last?.collection === write.collection) last.operations.push(operation);
    else runs.push({ collection: write.collection, operations: [operation] });
  }
  return runs;
}

// Replace-or-insert and delete by id are idempotent: applying a write a
// second time leaves the same document.
function toOperation(
  write: DocumentWrite,
): AnyBulkWriteOperation<StoredDocument> {
  const filter = { _id: write.id };
  if (write.doc === null) return { deleteOne: { filter } };
  const replacement = toStoredDocument(write);
  return { replaceOne: { filter, replacement, upsert: true } };
}

/** The document as stored: checked, JSON-shaped, with id and version. */
export function toStoredDocument(write: DocumentWrite): StoredDocument {
  return { ...toStorable(write), _id: write.id, [VERSION_FIELD]: randomUUID() };
}

/**
 * A JSON round trip gives the document exactly the shape the SQLite
 * adapter stores (no `undefined`, dates as ISO strings) and rejects
 * cycles; keys are then checked against what the server accepts.
 */
function toStorable(write: DocumentWrite): Record<string, unknown> {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(JSON.stringify(write.doc));
  } catch (cause) {
    throw new DocumentRejectedError(write, 'is not JSON', cause);
  }
  const reserved = RESERVED_KEYS.find((key) => key in doc);
  if (reserved) throw new DocumentRejectedError(write, `has key ${reserved}`);
  const badKey = findBadKey(doc);
  if (badKey !== undefined) {
    throw new DocumentRejectedError(
      write,
      `has a key starting with '$' or containing '.': ${badKey}`,
    );
  }
  return doc;
}

function findBadKey(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Array.isArray(value)
    ? value.map((v) => ['', v] as const)
    : Object.entries(value);
  for (const [key, inner] of entries) {
    if (key.startsWith('$') || key.includes('.')) return key;
    const nested = findBadKey(inner);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
