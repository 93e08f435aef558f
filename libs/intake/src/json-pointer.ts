/** One JSON pointer token (RFC 6901): `~` and `/` escaped. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
