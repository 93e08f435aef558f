import { classifyResponse, parseRetryAfter } from './webhook-response';

const now = new Date('2025-03-01T10:00:00.000Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:00:30 GMT', now)).toBe(30_000);
  });

  it('reads a date in the past as no wait', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable value', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('classifyResponse', () => {
  it('leaves retryAfterMs out when the receiver sent none', () => {
    expect(classifyResponse(503, null, now)).toEqual({
      outcome: 'retryable',
      code: 'WEBHOOK_UNAVAILABLE',
      reason: 'the receiver answered HTTP 503',
    });
  });

  it('treats a redirect that was not followed as permanent', () => {
    expect(classifyResponse(304, null, now).outcome).toBe('permanent');
  });
});
