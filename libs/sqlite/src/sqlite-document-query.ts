import type { DocumentFilter, FieldFilter, FindOptions } from '@qms/ports';

type Scalar = string | number | boolean;
type Sql = { sql: string; params: unknown[] };

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Guards field names, which are spliced into SQL as JSON paths. */
function jsonPath(field: string): string {
  if (!FIELD.test(field)) throw new Error(`invalid field name ${field}`);
  return `'$.${field}'`;
}

export function jsonExtract(field: string): string {
  return `json_extract(body, ${jsonPath(field)})`;
}

/**
 * A SELECT over one collection. `what` is a column list the caller
 * controls; every value arrives as a bound parameter.
 */
export function selectDocuments(
  what: string,
  collection: string,
  filter: DocumentFilter,
  options: FindOptions = {},
): Sql {
  const where = ['collection = ?'];
  const params: unknown[] = [collection];
  for (const [field, value] of Object.entries(filter)) {
    const condition = fieldMatches(field, value);
    where.push(condition.sql);
    params.push(...condition.params);
  }
  const sql = `SELECT ${what} FROM documents WHERE ${where.join(' AND ')}`;
  return { sql: sql + orderAndPage(options), params };
}

// The plain IN lets an index on the field serve the query; the typed
// conditions after it then drop values of the wrong JSON type.
function fieldMatches(field: string, value: FieldFilter): Sql {
  if (typeof value !== 'object') return valueMatches(field, value);
  if (value.$in.length === 0) return { sql: '0', params: [] };
  const each = value.$in.map((v) => valueMatches(field, v));
  const marks = value.$in.map(() => '?').join(', ');
  const typed = each.map((c) => `(${c.sql})`).join(' OR ');
  return {
    sql: `${jsonExtract(field)} IN (${marks}) AND (${typed})`,
    params: [...value.$in.map(stored), ...each.flatMap((c) => c.params)],
  };
}

// json_extract yields 1/0 for JSON true/false and JSON text for objects,
// so the JSON type is checked as well: `true` never matches the number 1.
function valueMatches(field: string, value: Scalar): Sql {
  const extract = `${jsonExtract(field)} = ?`;
  const type = `json_type(body, ${jsonPath(field)})`;
  if (typeof value === 'boolean') {
    return {
      sql: `${extract} AND ${type} = ?`,
      params: [stored(value), `${value}`],
    };
  }
  const types = typeof value === 'number' ? `'integer', 'real'` : `'text'`;
  return { sql: `${extract} AND ${type} IN (${types})`, params: [value] };
}

/** What json_extract returns for a JSON scalar. */
function stored(value: Scalar): string | number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function orderAndPage(options: FindOptions): string {
  let sql = '';
  if (options.sort) {
    const desc = options.sort.startsWith('-');
    const field = jsonExtract(options.sort.replace(/^-/, ''));
    // The id breaks ties, so pages of a sorted query never overlap.
    sql += ` ORDER BY ${field} ${desc ? 'DESC' : 'ASC'}, id`;
  }
  // SQLite takes OFFSET only after LIMIT; -1 means no limit.
  const limit = options.limit ?? (options.skip ? -1 : undefined);
  if (limit !== undefined) sql += ` LIMIT ${Math.trunc(limit)}`;
  if (options.skip) sql += ` OFFSET ${Math.trunc(options.skip)}`;
  return sql;
}
