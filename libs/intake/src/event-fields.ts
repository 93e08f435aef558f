/**
 * `record` without its undefined entries, so `fields` holds only what the
 * source sent and survives a JSON round trip unchanged.
 */
export function definedFields(
  record: Record<string, unknown>,
): Record<string, unknown> {
  const entries = Object.entries(record);
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}
