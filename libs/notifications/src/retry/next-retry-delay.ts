import { InvalidAttemptError } from '../notification.errors';

export interface RetryPolicy {
  /** Ceiling of the first delay. */
  baseMs: number;
  /** No delay exceeds this. */
  maxMs: number;
  /** Attempts in all, the first send included. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 1_000,
  maxMs: 60_000,
  maxAttempts: 6,
};

/**
 * The wait before retrying after attempt `attempt` (1 = the first send)
 * failed, or undefined when the attempts are used up; unset policy fields
 * take DEFAULT_RETRY_POLICY. Exponential backoff
 * with full jitter: uniform in [0, min(maxMs, baseMs * 2^(attempt-1))), so
 * many escalations failing together do not retry in step. The notifier
 * schedules the retry durably. Throws InvalidAttemptError for an attempt
 * that is not an integer >= 1.
 */
export function nextRetryDelayMs(
  attempt: number,
  policy: Partial<RetryPolicy> = {},
  random: () => number = Math.random,
): number | undefined {
  const { baseMs, maxMs, maxAttempts } = { ...DEFAULT_RETRY_POLICY, ...policy };
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new InvalidAttemptError(attempt);
  }
  if (attempt >= maxAttempts) return undefined;
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
