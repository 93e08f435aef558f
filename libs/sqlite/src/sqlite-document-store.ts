import type {
  DocumentCollection,
  DocumentFilter,
  DocumentStore,
  DocumentWrite,
} from '@qms/ports';
import type { SqliteDatabase } from './sqlite-database';
import { jsonExtract, selectDocuments } from './sqlite-document-query';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (collection, id)
);`;

/** Read models as JSON documents in SQLite, filtered with json_extract. */
export class SqliteDocumentStore implements DocumentStore {
  private readonly put;
  private readonly del;

  constructor(private readonly sqlite: SqliteDatabase) {
    sqlite.db.exec(SCHEMA);
    this.put = sqlite.db.prepare(
      `INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body`,
    );
    this.del = sqlite.db.prepare(
      'DELETE FROM documents WHERE collection = ? AND id = ?',
    );
  }

  collection<T extends object>(name: string): DocumentCollection<T> {
    return {
      get: async (id) => {
        const row = this.sqlite
          .statement(
            'SELECT body FROM documents WHERE collection = ? AND id = ?',
          )
          .get(name, id) as { body: string } | undefined;
        return row ? (JSON.parse(row.body) as T) : undefined;
      },
      find: async (filter, options) => {
        const { sql, params } = selectDocuments('body', name, filter, options);
        const rows = this.sqlite.statement(sql).all(...params) as {
          body: string;
        }[];
        return rows.map((r) => JSON.parse(r.body) as T);
      },
      count: async (filter) => {
        const { sql, params } = selectDocuments('COUNT(*) AS n', name, filter);
        return (this.sqlite.statement(sql).get(...params) as { n: number }).n;
      },
    };
  }

  async write(writes: DocumentWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const rows = writes.map((w) => ({
      ...w,
      body: w.doc && JSON.stringify(w.doc),
    }));
    await this.sqlite.write(() => {
      for (const w of rows) {
        if (w.body === null) this.del.run(w.collection, w.id);
        else this.put.run(w.collection, w.id, w.body);
      }
    });
  }

  async replaceIf(
    collection: string,
    id: string,
    expected: DocumentFilter,
    doc: object,
  ): Promise<boolean> {
    const { sql, params } = selectDocuments('1', collection, expected);
    const update = this.sqlite.statement(
      `UPDATE documents SET body = ? WHERE collection = ? AND id = ?
       AND EXISTS (${sql} AND id = ?)`,
    );
    const body = JSON.stringify(doc);
    const result = await this.sqlite.write(() =>
      update.run(body, collection, id, ...params, id),
    );
    return result.changes === 1;
  }

  /**
   * One index per field serves every collection (its key starts with the
   * collection), so the name depends on the field alone.
   */
  async ensureIndexes(_collection: string, fields: string[]): Promise<void> {
    for (const field of fields) {
      this.sqlite.db.exec(
        `CREATE INDEX IF NOT EXISTS "documents_by:${field}"
         ON documents (collection, ${jsonExtract(field)})`,
      );
    }
  }

  async drop(collection: string): Promise<void> {
    await this.sqlite.write(() =>
      this.sqlite.db
        .prepare('DELETE FROM documents WHERE collection = ?')
        .run(collection),
    );
  }

  async close(): Promise<void> {
    return undefined;
  }
}
