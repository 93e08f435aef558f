// Reads what the product did with the accepted alerts: escalation
// documents from its API and first pages from its outbox file.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const PAGE = 500;

/** Polls the API until `expected` escalations exist or time runs out. */
export async function waitForEscalations(apiUrl, expected, deadline) {
  let total = 0;
  while (Date.now() < deadline) {
    const page = await getJson(`${apiUrl}/v1/escalations?limit=1`);
    total = page.total;
    if (total >= expected) break;
    await sleep(250);
  }
  return total;
}

/** Every escalation document, paged through limit/offset. */
export async function allEscalations(apiUrl) {
  const items = [];
  for (let offset = 0; ; offset += PAGE) {
    const url = `${apiUrl}/v1/escalations?limit=${PAGE}&offset=${offset}`;
    const page = await getJson(url);
    items.push(...page.items);
    if (page.items.length < PAGE) return items;
  }
}

/**
 * Follows the outbox until every escalation in `ids` has a first page
 * (step 0, repeat 0) or time runs out. Returns escalationId -> the earliest
 * such line.
 */
export async function waitForFirstPages(outboxPath, ids, deadline) {
  const first = new Map();
  const reader = lineReader(outboxPath);
  while (Date.now() < deadline) {
    for (const line of reader.newLines()) {
      const record = JSON.parse(line);
      if (record.step !== 0 || record.repeat !== 0) continue;
      const seen = first.get(record.escalationId);
      if (!seen || record.writtenAt < seen.writtenAt)
        first.set(record.escalationId, record);
    }
    if ([...ids].every((id) => first.has(id))) break;
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

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.json();
}
