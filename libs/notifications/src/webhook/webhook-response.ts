import type { SendResult } from '../channel/channel.types';

/** Statuses that say "try again later" rather than "never". */
const RETRYABLE_4XX = new Set([408, 425, 429]);

/**
 * Maps a webhook answer to a send result: 2xx delivered; 408, 425, 429 and
 * 5xx retryable; any other status permanent. The reason holds the status
 * only: a body or header may echo the URL and its token.
 */
export function classifyResponse(
  status: number,
  retryAfter: string | null,
  now: Date,
): SendResult {
  if (status >= 200 && status < 300) {
    return { outcome: 'delivered', detail: `HTTP ${status}` };
  }
  const reason = `the receiver answered HTTP ${status}`;
  if (status >= 500 || RETRYABLE_4XX.has(status)) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return {
      outcome: 'retryable',
      code: 'WEBHOOK_UNAVAILABLE',
      reason,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }
  return { outcome: 'permanent', code: 'WEBHOOK_REJECTED', reason };
}

/** Retry-After is delay-seconds or an HTTP date (RFC 9110 10.2.3). */
export function parseRetryAfter(
  value: string | null,
  now: Date,
): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
