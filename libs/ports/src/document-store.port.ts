export type FieldFilter =
  string | number | boolean | { $in: Array<string | number | boolean> };

/** Equality (or `$in`) on top-level fields, all of which must hold. */
export type DocumentFilter = Record<string, FieldFilter>;

export interface FindOptions {
  /** Field name; a leading `-` sorts descending. */
  sort?: string;
  limit?: number;
  skip?: number;
}

export interface DocumentCollection<T extends object> {
  get(id: string): Promise<T | undefined>;
  find(filter: DocumentFilter, options?: FindOptions): Promise<T[]>;
  count(filter: DocumentFilter): Promise<number>;
}

export interface DocumentWrite {
  collection: string;
  id: string;
  /** `null` deletes the document. */
  doc: object | null;
}

/**
 * Read models. `write` applies its writes in order and rejects a batch
 * it cannot store before applying any of it. With transactions (SQLite)
 * it is atomic; without (MongoDB on FerretDB) a crash mid-batch can
 * leave a prefix applied. Every write is an idempotent replace or
 * delete, so a projection puts its checkpoint last and a replay from
 * the old checkpoint repairs the rest.
 */
export interface DocumentStore {
  collection<T extends object>(name: string): DocumentCollection<T>;
  write(writes: DocumentWrite[]): Promise<void>;
  /**
   * Replaces the document only if it exists and matches `expected`; true
   * when it did. Two writers racing on one document: exactly one wins.
   */
  replaceIf(
    collection: string,
    id: string,
    expected: DocumentFilter,
    doc: object,
  ): Promise<boolean>;
  /** Declares the fields queries filter on, so adapters can index them. */
  ensureIndexes(collection: string, fields: string[]): Promise<void>;
  drop(collection: string): Promise<void>;
  close(): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DocumentStore');
