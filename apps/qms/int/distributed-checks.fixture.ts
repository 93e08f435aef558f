import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@qms/testing';

/** The fields of an escalation the distributed tests read. */
export interface ListedEscalation {
  id: string;
  fingerprint: string;
  occurrences: number;
  steps: Array<{ recipients: string[] }>;
  notifications: { delivered: number };
}

/** Every escalation of `component`, paging through the API. */
export async function escalationsOf(
  apiUrl: string,
  component: string,
): Promise<ListedEscalation[]> {
  const all: ListedEscalation[] = [];
  for (let offset = 0; ; offset += 500) {
    const qs = new URLSearchParams({
      component,
      limit: '500',
      offset: String(offset),
    });
    const url = `${apiUrl}/v1/escalations?${qs}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    const page = (await response.json()) as { items: ListedEscalation[] };
    all.push(...page.items);
    if (page.items.length < 500) return all;
  }
}

/** How many escalations each fingerprint has. */
export function countByFingerprint(
  escalations: ListedEscalation[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of escalations)
    counts.set(e.fingerprint, (counts.get(e.fingerprint) ?? 0) + 1);
  return counts;
}

/**
 * The delivery keys of the first page of each escalation: step 0, repeat
 * 0, every recipient, on the log channel (the only one configured).
 */
export function firstPageKeys(escalations: ListedEscalation[]): string[] {
  return escalations.flatMap((e) =>
    e.steps[0].recipients.map((r) => `${e.id}:0:0:${r}:log`),
  );
}

export interface OutboxKeys {
  /** How many lines carry each key, across every outbox file. */
  counts: Map<string, number>;
  /** Lines per file, in the order of the data dirs given. */
  linesPerFile: number[];
  /** Lines that do not parse: a kill -9 may tear the last append. */
  torn: number;
}

/** The union of the `outbox.jsonl` files in `dataDirs`, as on disk now. */
export function readOutboxKeys(dataDirs: string[]): OutboxKeys {
  const result: OutboxKeys = { counts: new Map(), linesPerFile: [], torn: 0 };
  for (const dir of dataDirs) {
    const file = join(dir, 'outbox.jsonl');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    result.linesPerFile.push(lines.length);
    for (const line of lines) {
      const key = keyOf(line);
      if (key === undefined) result.torn++;
      else result.counts.set(key, (result.counts.get(key) ?? 0) + 1);
    }
  }
  return result;
}

function keyOf(line: string): string | undefined {
  try {
    return (JSON.parse(line) as { key: string }).key;
  } catch {
    return undefined;
  }
}

const SETTLE_TIMEOUT_MS = 120_000;

/** Whether the escalation recorded the delivery of its whole first page. */
const firstPageRecorded = (e: ListedEscalation) =>
  e.notifications.delivered >= e.steps[0].recipients.length;

/**
 * Waits until every fingerprint has an escalation that recorded its
 * first page as delivered; returns them all.
 */
export async function awaitEscalations(
  apiUrl: string,
  component: string,
  fingerprints: string[],
): Promise<ListedEscalation[]> {
  let last: ListedEscalation[] = [];
  const covered = async () => {
    last = await escalationsOf(apiUrl, component);
    const raised = countByFingerprint(last);
    return (
      fingerprints.every((f) => raised.has(f)) && last.every(firstPageRecorded)
    );
  };
  await waitFor(covered, {
    timeoutMs: SETTLE_TIMEOUT_MS,
    intervalMs: 1000,
    description: `escalations for ${fingerprints.length} fingerprints`,
  }).catch(() => undefined); // the caller's assertions name what is missing
  return last;
}

/** Waits until each of `keys` is in some outbox file; returns the files. */
export async function awaitPages(
  dataDirs: () => string[],
  keys: string[],
): Promise<OutboxKeys> {
  let last = readOutboxKeys(dataDirs());
  const written = () => {
    last = readOutboxKeys(dataDirs());
    return keys.every((k) => last.counts.has(k));
  };
  await waitFor(written, {
    timeoutMs: SETTLE_TIMEOUT_MS,
    intervalMs: 1000,
  }).catch(() => undefined); // the caller's assertions name what is missing
  return last;
}

/** What went wrong, by kind; every list is empty when nothing did. */
export interface OnceEachVerdict {
  withoutEscalation: string[];
  withSeveral: string[];
  countedTwice: string[];
  unpaged: string[];
  /** Paged, but the escalation has no NotificationDelivered for it. */
  unrecorded: string[];
  pagedTwice: string[];
}

/**
 * Nothing lost, nothing doubled: each fingerprint has one escalation that
 * counted its signal once, each first-page key is in one outbox line, and
 * each escalation recorded those deliveries.
 */
export function judgeOnceEach(
  fingerprints: string[],
  escalations: ListedEscalation[],
  outbox: OutboxKeys,
): OnceEachVerdict {
  const raised = countByFingerprint(escalations);
  const keys = firstPageKeys(escalations);
  const lines = (key: string) => outbox.counts.get(key) ?? 0;
  return {
    withoutEscalation: fingerprints.filter((f) => !raised.has(f)),
    withSeveral: [...raised].filter(([, n]) => n > 1).map(([f]) => f),
    countedTwice: escalations
      .filter((e) => e.occurrences !== 1)
      .map((e) => `${e.fingerprint}: ${e.occurrences}`),
    unpaged: keys.filter((k) => lines(k) === 0),
    unrecorded: escalations
      .filter((e) => !firstPageRecorded(e))
      .map((e) => `${e.id}: ${e.notifications.delivered}`),
    pagedTwice: keys
      .filter((k) => lines(k) > 1)
      .map((k) => `${k} x${lines(k)}`),
  };
}
