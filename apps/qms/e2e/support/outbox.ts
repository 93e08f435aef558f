import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Escalation } from './qms-client';

/** The fields of an outbox line the tests read. */
export interface OutboxLine {
  key: string;
  escalationId: string;
  step: number;
  repeat: number;
  recipient: string;
  channel: string;
}

export interface Outbox {
  lines: OutboxLine[];
  /** Lines that do not parse: a crash may tear the last append. */
  torn: number;
}

/** Reads `<dataDir>/outbox.jsonl` as it is on disk now. */
export function readOutbox(dataDir: string): Outbox {
  const file = join(dataDir, 'outbox.jsonl');
  if (!existsSync(file)) return { lines: [], torn: 0 };
  const lines: OutboxLine[] = [];
  let torn = 0;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    try {
      lines.push(JSON.parse(text) as OutboxLine);
    } catch {
      torn++;
    }
  }
  return { lines, torn };
}

export function linesOf(dataDir: string, escalationId: string): OutboxLine[] {
  return readOutbox(dataDir).lines.filter(
    (l) => l.escalationId === escalationId,
  );
}

/** Keys written more than once, with their counts. */
export function duplicateKeys(lines: OutboxLine[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.key, (counts.get(l.key) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, n]) => n > 1));
}

/** `step:repeat:recipient` of each line, sorted, for set comparisons. */
export function pages(lines: OutboxLine[]): string[] {
  return lines.map((l) => `${l.step}:${l.repeat}:${l.recipient}`).sort();
}

/** What one page of `step` (repeat `repeat`) must write for `escalation`. */
export function expectedPages(
  escalation: Escalation,
  step: number,
  repeat = 0,
): string[] {
  return escalation.steps[step].recipients
    .map((r) => `${step}:${repeat}:${r}`)
    .sort();
}
