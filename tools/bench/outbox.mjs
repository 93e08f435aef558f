// Reads first pages from the product's outbox file (the log channel's
// JSON lines, one per delivery).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Follows the outbox until every escalation in `ids` has a first page
 * (step 0, repeat 0), `deadline` (epoch ms) passes, or no new line came
 * for `stallMs`. Returns escalationId -> the earliest such line.
 */
export async function waitForFirstPages(outboxPath, ids, options) {
  const { deadline, stallMs = Infinity } = options;
  const first = new Map();
  const reader = lineReader(outboxPath);
  let movedAt = Date.now();
  while (Date.now() < deadline) {
    const lines = reader.newLines();
    if (lines.length > 0) movedAt = Date.now();
    for (const line of lines) {
      const record = JSON.parse(line);
      if (record.step !== 0 || record.repeat !== 0) continue;
      const seen = first.get(record.escalationId);
      if (!seen || record.writtenAt < seen.writtenAt)
        first.set(record.escalationId, record);
    }
    if ([...ids].every((id) => first.has(id))) break;
    if (Date.now() - movedAt > stallMs) break;
    await sleep(250);
  }
  return first;
}

/** Reads whole lines appended to a file since the last call. */
function lineReader(path) {
  let offset = 0;
  let partial = '';
  return {
    newLines() {
      let size;
      try {
        size = statSync(path).size;
      } catch {
        return [];
      }
      if (size <= offset) return [];
      const buffer = Buffer.alloc(size - offset);
      const fd = openSync(path, 'r');
      try {
        readSync(fd, buffer, 0, buffer.length, offset);
      } finally {
        closeSync(fd);
      }
      offset = size;
      const lines = (partial + buffer.toString('utf8')).split('\n');
      partial = lines.pop();
      return lines.filter((l) => l.trim() !== '');
    },
  };
}
