import { randomBytes } from 'node:crypto';

/**
 * `prefix` plus a random suffix, so tests sharing one real server never
 * touch each other's streams, topics, groups or collections.
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
