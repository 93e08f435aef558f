const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * Seconds per duration unit. Condition literals (`30 minutes`, `15m`) and
 * config durations (`timeout: "5 minutes"`) share this one table.
 */
const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
  w: WEEK,
  week: WEEK,
  weeks: WEEK,
};

/** Seconds in one `unit` (case-insensitive), or undefined if not a unit. */
export function unitSeconds(unit: string): number | undefined {
  const key = unit.toLowerCase();
  return Object.hasOwn(SECONDS_PER_UNIT, key)
    ? SECONDS_PER_UNIT[key]
    : undefined;
}
