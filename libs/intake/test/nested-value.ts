/**
 * `levels` objects nested under the key `n` (`{ n: { n: {} } }` is 3),
 * built in a loop so any depth can be made without recursion.
 */
export function nestedObjects(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 1; level < levels; level++) value = { n: value };
  return value;
}

/** The JSON pointer of the innermost object of nestedObjects(levels). */
export function nestedPath(levels: number): string {
  return '/n'.repeat(levels - 1);
}
