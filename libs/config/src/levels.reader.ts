import { LEVEL_IDS, type LevelId } from '@qms/domain';
import type { ThresholdScope } from '@qms/rules';
import { normaliseChannels } from './channel-names';
import type { ConfigContext } from './config-context';
import type { LevelConfig } from './config.types';
import type { RawLevel } from './raw-config.types';
import {
  readCondition,
  readDuration,
  readOptionalDuration,
} from './value.readers';

/** `L0_CRITICAL` is configured under `levels.l0_critical`. */
export function levelKey(level: LevelId): string {
  return level.toLowerCase();
}

/** All four levels; the schema has already required each of them. */
export function readLevels(
  context: ConfigContext,
  raw: Record<string, RawLevel>,
  thresholds: ThresholdScope,
): Record<LevelId, LevelConfig> {
  const entries = LEVEL_IDS.map((id) => {
    const path = ['levels', levelKey(id)];
    return [id, readLevel(context, path, id, raw[levelKey(id)], thresholds)];
  });
  return Object.fromEntries(entries) as Record<LevelId, LevelConfig>;
}

function readLevel(
  context: ConfigContext,
  path: string[],
  id: LevelId,
  level: RawLevel,
  thresholds: ThresholdScope,
): LevelConfig {
  // An invalid duration is reported and read as 0; the load then fails.
  const duration = (key: keyof RawLevel) =>
    readDuration(context, [...path, key], level[key]) ?? 0;
  const optional = (key: keyof RawLevel) =>
    readOptionalDuration(context, [...path, key], level[key]);
  const chain = level.escalation_chain;
  const executiveWhen =
    level.executive_when === undefined
      ? undefined
      : readCondition(
          context,
          [...path, 'executive_when'],
          level.executive_when,
          thresholds,
        );
  return withoutUndefined({
    id,
    responseTimeSec: duration('response_time'),
    ackTimeoutSec: duration('acknowledgment_timeout'),
    resolutionSlaSec: duration('resolution_sla'),
    notificationChannels: normaliseChannels(level.notification_channels),
    chain: {
      primary: [...new Set(chain.primary)],
      secondary: [...new Set(chain.secondary ?? [])],
      executive: [...new Set(chain.executive ?? [])],
    },
    executiveWhen,
    executiveAfterSec: optional('executive_after'),
    repeatEverySec: optional('auto_escalation'),
  });
}

/** Optional fields are absent rather than present-and-undefined. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as T;
}
