import { escapePointer } from './json-pointer';
import type { Violation } from './schema-validation';

/**
 * How deep objects and arrays may nest in a body; the body itself is level
 * 1. No source we take nests near this, and deeper bodies break storage
 * (JSON.stringify and structuredClone recurse and overflow the stack).
 */
export const MAX_BODY_DEPTH = 32;

interface Pending {
  value: object;
  path: string;
  depth: number;
}

/**
 * The first object or array (in document order) nested deeper than
 * `maxDepth`, as a violation; undefined if there is none. Walks with its
 * own stack, never recursion, so no body can overflow the call stack.
 */
export function depthViolation(
  body: unknown,
  maxDepth = MAX_BODY_DEPTH,
): Violation | undefined {
  if (!isContainer(body)) return undefined;
  const pending: Pending[] = [{ value: body, path: '', depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (depth > maxDepth) {
      const problem = `is nested deeper than ${maxDepth} levels`;
      return { code: 'BODY_TOO_DEEP', path, problem };
    }
    // Reversed, so the stack hands children back in document order.
    const children = Object.entries(value).reverse();
    for (const [key, child] of children) {
      if (!isContainer(child)) continue;
      const childPath = `${path}/${escapePointer(key)}`;
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
