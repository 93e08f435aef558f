import { InvalidAttemptError } from '../notification.errors';
import { nextRetryDelayMs } from './next-retry-delay';

const top = () => 0.999999;

describe('nextRetryDelayMs', () => {
  it('doubles the ceiling with each attempt up to maxMs', () => {
    const delays = [1, 2, 3, 4, 5].map((attempt) =>
      nextRetryDelayMs(attempt, { maxMs: 10_000 }, top),
    );

    expect(delays).toEqual([999, 1999, 3999, 7999, 9999]);
  });

  it('stops after maxAttempts attempts in all', () => {
    const policy = { baseMs: 100, maxMs: 1_000, maxAttempts: 3 };

    expect(nextRetryDelayMs(2, policy, top)).toBe(199);
    expect(nextRetryDelayMs(3, policy, top)).toBeUndefined();
    expect(nextRetryDelayMs(4, policy, top)).toBeUndefined();
  });

  it('defaults to six attempts from one second to one minute', () => {
    expect(nextRetryDelayMs(1, undefined, top)).toBe(999);
    expect(nextRetryDelayMs(5, undefined, top)).toBe(15_999);
    expect(nextRetryDelayMs(6, undefined, top)).toBeUndefined();
  });

  it('jitters over the whole range from zero', () => {
    expect(nextRetryDelayMs(4, undefined, () => 0)).toBe(0);
    expect(nextRetryDelayMs(4, undefined, () => 0.5)).toBe(4_000);
  });

  it('rejects an attempt that is not a positive integer', () => {
    expect(() => nextRetryDelayMs(0)).toThrow(InvalidAttemptError);
    expect(() => nextRetryDelayMs(1.5)).toThrow(InvalidAttemptError);
  });
});
