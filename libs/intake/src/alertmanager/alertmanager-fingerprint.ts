const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const UINT64 = 0xffffffffffffffffn;
/** Cannot occur in UTF-8, so it cleanly separates names from values. */
const SEPARATOR = Uint8Array.of(0xff);

/**
 * The fingerprint Alertmanager gives an alert with these labels: FNV-1a
 * 64 over the UTF-8 bytes of each name and value, each followed by 0xff,
 * names in byte order; 16 lower-case hex digits. Labels with an empty
 * value are left out, as Alertmanager drops them when it receives alerts.
 */
export function alertmanagerFingerprint(
  labels: Readonly<Record<string, string>>,
): string {
  const names = Object.keys(labels)
    .filter((name) => labels[name] !== '')
    .sort(byUtf8Bytes);
  let hash = FNV64_OFFSET;
  for (const name of names) {
    hash = fnv1a(hash, Buffer.from(name, 'utf8'));
    hash = fnv1a(hash, SEPARATOR);
    hash = fnv1a(hash, Buffer.from(labels[name], 'utf8'));
    hash = fnv1a(hash, SEPARATOR);
  }
  return hash.toString(16).padStart(16, '0');
}

function fnv1a(hash: bigint, bytes: Uint8Array): bigint {
  let next = hash;
  for (const byte of bytes) {
    next = ((next ^ BigInt(byte)) * FNV64_PRIME) & UINT64;
  }
  return next;
}

/** Go sorts strings by bytes; JS by UTF-16 units, which differs above U+FFFF. */
function byUtf8Bytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
