import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitForOptions {
  /** Give up after this long. Default 5000 ms. */
  timeoutMs?: number;
  /** Pause between checks. Default 10 ms. */
  intervalMs?: number;
  /** Names the awaited condition in the timeout error. */
  description?: string;
}

export class WaitForTimeoutError extends Error {
  readonly code = 'WAIT_FOR_TIMEOUT';

  constructor(description: string, timeoutMs: number, cause?: unknown) {
    super(`timed out after ${timeoutMs} ms waiting for ${description}`, {
      cause,
    });
    this.name = 'WaitForTimeoutError';
  }
}

type Predicate = () => boolean | Promise<boolean>;

/**
 * Polls `predicate` until it holds, so tests wait for a condition instead
 * of sleeping. A predicate that throws counts as "not yet"; the last such
 * error becomes the `cause` of the timeout error.
 */
export async function waitFor(
  predicate: Predicate,
  options: WaitForOptions = {},
): Promise<void> {
  const { timeoutMs = 5000, intervalMs = 10 } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await predicate()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const description = options.description ?? 'a condition';
      throw new WaitForTimeoutError(description, timeoutMs, lastError);
    }
    await sleep(intervalMs);
  }
}
