import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  /** Give up after this long. Default 10 s. */
  timeoutMs?: number;
  /** Pause between probes. Default 50 ms. */
  intervalMs?: number;
  /** Names the awaited condition in the timeout error. */
  what: string;
}

/**
 * Probes until it returns something other than `undefined` and returns
 * that, so tests wait for a condition instead of sleeping. A probe that
 * throws counts as "not yet"; the last error becomes the timeout's cause.
 */
export async function pollUntil<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  options: PollOptions,
): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms: ${options.what}`, {
        cause: lastError,
      });
    }
    await sleep(intervalMs);
  }
}

/**
 * Probes for the whole window and fails as soon as `broken` returns a
 * description: "nothing more happens" checks, bounded in time.
 */
export async function holdsFor(
  broken: () => string | undefined | Promise<string | undefined>,
  windowMs: number,
  intervalMs = 100,
): Promise<void> {
  const end = Date.now() + windowMs;
  for (;;) {
    const problem = await broken();
    if (problem !== undefined) throw new Error(problem);
    if (Date.now() >= end) return;
    await sleep(intervalMs);
  }
}
