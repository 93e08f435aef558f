import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@qms/testing';

/** Sends alert `index` once; resolves with the HTTP status. */
export type PostAlert = (index: number) => Promise<number>;

export interface StreamOptions {
  /** Alerts to send at least. */
  count: number;
  /** Goes on past `count` while this holds, e.g. until a fault is over. */
  keepGoing?: () => boolean;
  /** Concurrent clients, each with one request in flight. */
  clients: number;
  /** Each client's pause between two alerts, so the stream lasts. */
  pauseMs: number;
  /** After this long no alert is sent or retried; the unaccepted are lost. */
  deadlineMs: number;
  /** Called after each 2xx with how many were accepted so far. */
  onAccepted?: (accepted: number) => void;
  /** Ends the stream early: no new alerts, no more retries. */
  signal?: AbortSignal;
}

export interface StreamReport {
  /** Indexes of the alerts that got a 2xx, each sent until it did. */
  accepted: number[];
  /** Attempts answered 5xx or not at all, and so sent again. */
  retried: number;
  /** Alerts refused with a 4xx or never accepted, with the last answer. */
  lost: Array<{ index: number; last: string }>;
}

const RETRY_PAUSE_MS = 250;

/**
 * Posts alerts 0, 1, 2... from several clients, as senders that retry do: a
 * 5xx or a failed connection is sent again after a pause, a 4xx is not.
 */
export async function streamAlerts(
  post: PostAlert,
  options: StreamOptions,
): Promise<StreamReport> {
  const report: StreamReport = { accepted: [], retried: 0, lost: [] };
  const deadline = Date.now() + options.deadlineMs;
  let next = 0;
  const stop = () => Date.now() >= deadline || !!options.signal?.aborted;
  const more = (i: number) =>
    !stop() && (i < options.count || !!options.keepGoing?.());
  const client = async () => {
    for (let i = next++; more(i); i = next++) {
      const last = await sendUntilAnswered(post, i, stop, report);
      if (last === 'accepted') options.onAccepted?.(report.accepted.length);
      else report.lost.push({ index: i, last });
      await sleep(options.pauseMs);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  report.accepted.sort((a, b) => a - b);
  return report;
}

async function sendUntilAnswered(
  post: PostAlert,
  index: number,
  stop: () => boolean,
  report: StreamReport,
): Promise<string> {
  for (;;) {
    const status = await post(index).catch(
      (error: Error) => `${error.message} (${String(error.cause ?? '')})`,
    );
    if (typeof status === 'number' && status >= 200 && status < 300) {
      report.accepted.push(index);
      return 'accepted';
    }
    if (typeof status === 'number' && status < 500) return `HTTP ${status}`;
    if (stop()) return String(status);
    report.retried++;
    await sleep(RETRY_PAUSE_MS);
  }
}

/**
 * Streams alerts; once `faultAt` are accepted runs `fault`, and keeps
 * streaming until it is over and at least `count` were sent. A fault that
 * fails ends the stream at once and is rethrown.
 */
export async function streamThrough(
  post: PostAlert,
  options: Omit<StreamOptions, 'keepGoing' | 'signal' | 'onAccepted'>,
  faultAt: number,
  fault: () => Promise<void>,
): Promise<StreamReport> {
  const abort = new AbortController();
  let accepted = 0;
  let faulting = true;
  const stream = streamAlerts(post, {
    ...options,
    keepGoing: () => faulting,
    onAccepted: (n) => (accepted = n),
    signal: abort.signal,
  });
  try {
    await waitFor(() => accepted >= faultAt, { timeoutMs: 60_000 });
    await fault();
  } catch (error) {
    abort.abort();
    await stream;
    throw error;
  } finally {
    faulting = false;
  }
  return stream;
}
