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
export const GO_ZERO_TIME_MS = Date.parse('0001-01-01T00:00:00Z');

/** `text` as a UTC ISO string; undefined when absent or invalid. */
export function isoTimeOf(
  text: string | undefined,
  parse: (text: string) => number | undefined = parseRfc3339,
): string | undefined {
  const epochMs = text === undefined ? undefined : parse(text);
  return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}

// Leap seconds (:60) are rejected: a JS Date cannot hold them. Digits past
// milliseconds are dropped.
function parseDateTime(text: string, offsets: RegExp): number | undefined {
  const parts = DATE_TIME.exec(text);
  const offset = parts && offsets.exec(parts[8]);
  if (!parts || !offset) return undefined;
  const millis = Number((parts[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = utcTime(parts.slice(1, 7).map(Number), millis);
  const shift = offsetMs(offset);
  if (local === undefined || shift === undefined) return undefined;
  return local - shift;
}

function offsetMs(offset: RegExpExecArray): number | undefined {
  const [, sign, hours = '0', minutes = '0'] = offset;
  if (Number(hours) > 23 || Number(minutes) > 59) return undefined;
  const ms = (Number(hours) * 60 + Number(minutes)) * 60_000;
  return sign === '-' ? -ms : ms;
}

/** Epoch ms of [year, month, day, hour, minute, second] read as UTC. */
function utcTime(fields: number[], millis: number): number | undefined {
  const [year, month, day, hour, minute, second] = fields;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  // Date.UTC maps years 0..99 to 19xx; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millis));
  date.setUTCFullYear(year, month - 1, day);
  const rolledOver =
    date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day;
  return rolledOver ? undefined : date.getTime();
}
