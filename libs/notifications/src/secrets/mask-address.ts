const MASK = '***';

/**
 * A contact shown in a log without revealing it: `j***@example.com`,
 * `+1-***-0123`, `https://hooks.example.com/***`. Anything else is `***`.
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  return maskEmail(text) ?? maskUrl(text) ?? maskPhone(text) ?? MASK;
}

function maskEmail(text: string): string | undefined {
  const match = /^([^@\s/:]*)@([^@\s/]+\.[^@\s/]+)$/.exec(text);
  if (!match) return undefined;
  return `${match[1].slice(0, 1)}${MASK}@${match[2]}`;
}

/** Keeps scheme and host; path, query and credentials may hold a token. */
function maskUrl(text: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return `${url.protocol}//${url.host}/${MASK}`;
  } catch {
    return undefined;
  }
}

/** Keeps a separated country code and the last four digits. */
function maskPhone(text: string): string | undefined {
  if (!/^\+?[\d\s().-]+$/.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 7) return undefined;
  const country = /^\+\d{1,3}(?=[\s().-])/.exec(text)?.[0];
  const tail = digits.slice(-4);
  return country ? `${country}-${MASK}-${tail}` : `${MASK}-${tail}`;
}
