import { LEVEL_IDS, parseLevel, type LevelId } from '@qms/domain';
import {
  compileCondition,
  ConditionError,
  type CompiledCondition,
  type ThresholdScope,
} from '@qms/rules';
import type { ConfigContext } from './config-context';
import { didYouMean } from './did-you-mean';
import { parseDuration } from './duration.parser';
import type { KeyPath } from './yaml-source';

const DURATION_FORMS = '"30s", "5 minutes", "2 hours", "24h", "daily"';

/** Longer waits are surely mistakes, and would overflow date arithmetic. */
const MAX_DURATION_SEC = 366 * 86_400;

/**
 * Seconds in the duration at `path`, or undefined after reporting it.
 * Zero is refused unless `allowZero`: a zero timeout or repeat would page
 * in a loop.
 */
export function readDuration(
  context: ConfigContext,
  path: KeyPath,
  value: unknown,
  options: { allowZero?: boolean } = {},
): number | undefined {
  const seconds = parseDuration(value);
  const inRange = seconds !== undefined && seconds <= MAX_DURATION_SEC;
  if (inRange && (seconds > 0 || options.allowZero)) return seconds;
  const got = JSON.stringify(value);
  const detail =
    seconds === 0
      ? 'expected a duration greater than zero'
      : seconds !== undefined && !inRange
        ? 'expected a duration of at most 366 days'
        : `expected a duration such as ${DURATION_FORMS}, got ${got}`;
  context.report('CONFIG_INVALID', path, detail);
  return undefined;
}

/** `readDuration` for an optional key: undefined when it is absent. */
export function readOptionalDuration(
  context: ConfigContext,
  path: KeyPath,
  value: unknown,
  options: { allowZero?: boolean } = {},
): number | undefined {
  if (value === undefined) return undefined;
  return readDuration(context, path, value, options);
}

export function readLevelId(
  context: ConfigContext,
  path: KeyPath,
  text: string,
): LevelId | undefined {
  const level = parseLevel(text);
  if (level) return level;
  const forms = LEVEL_IDS.join(', ');
  const hint = didYouMean(text.toUpperCase(), LEVEL_IDS);
  const detail =
    `expected a level (${forms}; L0 or l0_critical work too),` +
    ` got "${text}"${hint}`;
  context.report('CONFIG_INVALID', path, detail);
  return undefined;
}

/** Compiles the condition at `path`; an error points into the string. */
export function readCondition(
  context: ConfigContext,
  path: KeyPath,
  text: string,
  scope?: ThresholdScope,
): CompiledCondition | undefined {
  try {
    return compileCondition(text, scope);
  } catch (error) {
    if (!(error instanceof ConditionError)) throw error;
    const at = context.source.positionInString(path, error);
    // The first line is the reason and a position inside the condition,
    // which `at` replaces; the other lines quote the condition.
    const reason = error.message
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:$/, '');
    context.report('CONFIG_CONDITION', path, reason, at);
    return undefined;
  }
}
