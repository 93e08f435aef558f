const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(.*)$/;
const RFC3339_OFFSET = /^(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
/** ISO 8601 also allows `+0000` and `+00`, as PagerDuty's own samples use. */
const ISO8601_OFFSET = /^(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;

/** Epoch ms of a strict RFC 3339 date-time, or undefined if invalid. */
export function parseRfc3339(text: string): number | undefined {
  return parseDateTime(text, RFC3339_OFFSET);
}

/** Like parseRfc3339, but also accepts `±hhmm` and `±hh` offsets. */
export function parseIso8601(text: string): number | undefined {
  return parseDateTime(text, ISO8601_OFFSET);
}

/** Go's zero `time.Time`, which Alertmanager sends for "no end yet". */
export const GO_ZERO_TIME_MS = Date.UTC(2000, 0, 1) - yearShift(2000, 1);

export function toIsoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

// Leap seconds (:60) are rejected: a JS Date cannot hold them.
function parseDateTime(text: string, offsets: RegExp): number | undefined {
  const parts = DATE_TIME.exec(text);
  const offset = parts && offsets.exec(parts[8]);
  if (!parts || !offset) return undefined;
  const [year, month, day, hour, minute, second] = parts
    .slice(1, 7)
    .map(Number);
  const offsetHours = Number(offset[2] ?? 0);
  const offsetMinutes = Number(offset[3] ?? 0);
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59;
  if (!valid) return undefined;
  const millis = Number((parts[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(2000, month - 1, day, hour, minute, second, millis);
  const sign = offset[1] === '-' ? -1 : 1;
  const offsetMs = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return local - yearShift(2000, year) - offsetMs;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000, month, 0) - yearShift(2000, year)).getUTCDate();
}

/**
 * Milliseconds from 1 Jan of `to` to 1 Jan of `from`. Date.UTC maps years
 * 0..99 to 19xx, so years are shifted explicitly instead.
 */
function yearShift(from: number, to: number): number {
  const start = new Date(0);
  start.setUTCFullYear(to, 0, 1);
  return Date.UTC(from, 0, 1) - start.getTime();
}
