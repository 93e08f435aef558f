import type { DocumentFilter, FieldFilter, FindOptions } from '@qms/ports';
import type { Filter, Sort } from 'mongodb';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export class InvalidFieldNameError extends Error {
  readonly code = 'INVALID_FIELD_NAME';

  constructor(readonly field: string) {
    super(`invalid field name ${JSON.stringify(field)}`);
    this.name = 'InvalidFieldNameError';
  }
}

/**
 * Field names become query keys, so they are guarded: a name such as
 * `$where` would otherwise be read as an operator.
 */
export function checkField(field: string): string {
  if (!FIELD.test(field)) throw new InvalidFieldNameError(field);
  return field;
}

/**
 * Equality or `$in` per field, spelled with explicit operators so a value
 * is always compared, never interpreted: `{ $eq: { $ne: 1 } }` matches
 * nothing instead of everything. BSON comparison keeps `true`, `1` and
 * `'1'` apart, as the port requires.
 */
export function toMongoFilter<T = object>(filter: DocumentFilter): Filter<T> {
  const query: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(filter)) {
    query[checkField(field)] = fieldCondition(value);
  }
  return query as Filter<T>;
}

function fieldCondition(value: FieldFilter): object {
  if (typeof value === 'object' && value !== null) {
    return { $in: [...value.$in] };
  }
  return { $eq: value };
}

/**
 * The document id breaks ties, so pages of a sorted query never overlap;
 * without a sort field, documents come in id order.
 */
export function toMongoSort(options: FindOptions = {}): Sort {
  if (!options.sort) return { _id: 1 };
  const descending = options.sort.startsWith('-');
  const field = checkField(options.sort.replace(/^-/, ''));
  return { [field]: descending ? -1 : 1, _id: 1 };
}
