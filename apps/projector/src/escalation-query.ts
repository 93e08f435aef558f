import { parseLevel } from '@qms/domain';
import { ApiError } from '@qms/http';
import type { DocumentFilter } from '@qms/ports';

const STATUSES = ['active', 'acknowledged', 'resolved', 'closed', 'open'];

export interface EscalationQuery {
  filter: DocumentFilter;
  limit: number;
  offset: number;
}

/**
 * Query string to filter: `status` (also `open` = active or acknowledged),
 * `level` (`L0` or `L0_CRITICAL`), `component`, `fingerprint`, `limit`
 * (1-500, default 100) and `offset`.
 */
export function parseEscalationQuery(
  q: Record<string, string | undefined>,
): EscalationQuery {
  const filter: DocumentFilter = {};
  if (q.status !== undefined) {
    if (!STATUSES.includes(q.status))
      throw invalid('status', `one of ${STATUSES.join(', ')}`);
    filter.status =
      q.status === 'open' ? { $in: ['active', 'acknowledged'] } : q.status;
  }
  if (q.level !== undefined) {
    const level = parseLevel(q.level);
    if (!level)
      throw invalid('level', 'L0..L3 or a level id such as L0_CRITICAL');
    filter.level = level;
  }
  if (q.component !== undefined) filter.component = q.component;
  if (q.fingerprint !== undefined) filter.fingerprint = q.fingerprint;
  return { filter, ...parsePage(q) };
}

/** `limit` (1-500, default 100) and `offset` (default 0). */
export function parsePage(q: Record<string, string | undefined>) {
  return {
    limit: int(q, 'limit', 100, 1, 500),
    offset: int(q, 'offset', 0, 0, 1e9),
  };
}

function int(
  q: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  const text = q[name];
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw invalid(name, `an integer from ${min} to ${max}`);
  return n;
}

function invalid(name: string, expected: string): ApiError {
  return new ApiError(
    400,
    'INVALID_QUERY',
    `${name} must be ${expected}`,
    `/query/${name}`,
  );
}
