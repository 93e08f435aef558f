import { createHash } from 'node:crypto';

export interface NativeIdentity {
  type: string;
  source: string;
  component: string;
  fingerprint?: string;
}

/**
 * The correlation identity of a native event (docs/fingerprint.md): the
 * client's own fingerprint if it sent one, else the first 32 hex digits of
 * SHA-256 over the JSON array [source, type, component]. JSON quoting keeps
 * the three values apart, so ['a b', 'c'] and ['a', 'b c'] never collide.
 */
export function nativeFingerprint(event: NativeIdentity): string {
  if (event.fingerprint) return event.fingerprint;
  const identity = JSON.stringify([event.source, event.type, event.component]);
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}
