import { createHash } from 'node:crypto';

import { canonicalJson } from '../canonical-json';
import type { IntakeContext } from '../intake-context';

/**
 * The QmsEvent id of a native event. Without a client `id`, a new one.
 * With one, `idFor("<client id>:<SHA-256 hex of the canonical body>")`:
 * a retry (same id, same body, keys in any order) maps to the same event,
 * while a different body under a reused id is a different event, so it is
 * not deduplicated away downstream. The hash has a fixed length, so a `:`
 * in the client id cannot make two seeds collide.
 */
export function nativeEventId(
  body: { id?: string },
  ctx: IntakeContext,
): string {
  if (body.id === undefined) return ctx.newId();
  const content = createHash('sha256').update(canonicalJson(body));
  return ctx.idFor(`${body.id}:${content.digest('hex')}`);
}
