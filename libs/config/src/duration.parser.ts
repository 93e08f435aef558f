import { parseDurationSeconds } from '@qms/rules';

const NAMED_SECONDS: Readonly<Record<string, number>> = {
  hourly: 3_600,
  daily: 86_400,
  weekly: 604_800,
};

const REPEAT = /^every\s+(.+?)(?:\s+until\s+acknowledged)?$/;
const UNTIL_ACKNOWLEDGED = /^(.+?)\s+until\s+acknowledged$/;

/**
 * Seconds in a config duration: a number of seconds (`90`, `"90"`), a
 * duration literal (`30s`, `1 minute`, `2 hours`, `24h`), `hourly`,
 * `daily`, `weekly`, or the repeat forms `every 5 minutes until
 * acknowledged` and `daily until acknowledged` (their interval).
 * Undefined when the value is none of these or negative.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  const interval = REPEAT.exec(text)?.[1] ?? UNTIL_ACKNOWLEDGED.exec(text)?.[1];
  return interval === undefined ? plainSeconds(text) : everySeconds(interval);
}

function plainSeconds(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (Object.hasOwn(NAMED_SECONDS, text)) return NAMED_SECONDS[text];
  const seconds = parseDurationSeconds(text);
  return seconds !== undefined && seconds >= 0 ? seconds : undefined;
}

/** `every minute` means every 1 minute. */
function everySeconds(interval: string): number | undefined {
  const bareUnit = /^[a-z]+$/.test(interval) && !(interval in NAMED_SECONDS);
  return plainSeconds(bareUnit ? `1 ${interval}` : interval);
}
