const MASK = '***';

/**
 * Replaces every occurrence of each secret, and of its URL-encoded form,
 * with `***`. Longer secrets go first so one that contains another is
 * masked whole. Empty secrets are ignored.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = secrets
    .filter((secret) => secret.length > 0)
    .flatMap((secret) => [secret, encodeURIComponent(secret)])
    .sort((a, b) => b.length - a.length);
  return [...new Set(forms)].reduce(
    (masked, secret) => masked.split(secret).join(MASK),
    text,
  );
}
