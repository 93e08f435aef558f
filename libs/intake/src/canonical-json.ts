/**
 * JSON text of a parsed JSON value with every object's keys sorted (by
 * UTF-16 code units) at every level, so two bodies equal as JSON give the
 * same text whatever order their keys came in. It recurses: callers pass
 * values whose depth is already bounded (validOrThrow checks it).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  // Parsed JSON holds no undefined; null keeps the text valid regardless.
  return JSON.stringify(value) ?? 'null';
}
