/** What an existing outbox file already holds, read once at open. */
export interface OutboxScan {
  keys: Set<string>;
  /** The file ends mid-line (a crash tore the last append). */
  endsMidLine: boolean;
}

/**
 * Collects the keys of every complete line. A line that does not parse (a
 * torn append) holds no key: its delivery was never acknowledged as written,
 * so it is written again.
 */
export function scanOutbox(content: string): OutboxScan {
  const keys = new Set<string>();
  for (const line of content.split('\n')) {
    const key = keyOf(line);
    if (key !== undefined) keys.add(key);
  }
  return { keys, endsMidLine: content.length > 0 && !content.endsWith('\n') };
}

function keyOf(line: string): string | undefined {
  if (line.trim() === '') return undefined;
  try {
    const record: unknown = JSON.parse(line);
    if (typeof record !== 'object' || record === null) return undefined;
    const key = (record as { key?: unknown }).key;
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}
