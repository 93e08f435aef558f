import { LEVEL_IDS, type LevelId } from '@qms/domain';
import { normaliseTiers } from './channel-names';
import type { LevelConfig } from './config.types';
import { levelKey } from './levels.reader';
import type { RawConfig, RawTiers } from './raw-config.types';

/**
 * Channel tiers per level, most urgent first. Sources, later wins:
 * 1. the level's notification_channels as a single tier (when
 *    channel_priorities leaves the level out);
 * 2. channel_priorities: 4.1's { primary, secondary, tertiary }, or a flat
 *    list read as the primary tier;
 * 3. escalation_configuration.notification_preferences.channel_priorities:
 *    a flat list that replaces the primary tier only.
 * A channel listed in an earlier tier is dropped from the later ones.
 */
export function readChannelPriorities(
  raw: RawConfig,
  levels: Record<LevelId, LevelConfig>,
): Record<LevelId, string[][]> {
  const preferred =
    raw.escalation_configuration?.notification_preferences?.channel_priorities;
  const entries = LEVEL_IDS.map((id) => {
    const written = raw.channel_priorities?.[levelKey(id)];
    const tiers = written
      ? tiersOf(written)
      : [levels[id].notificationChannels];
    const primary = preferred?.[levelKey(id)];
    return [id, normaliseTiers(primary ? [primary, ...tiers.slice(1)] : tiers)];
  });
  return Object.fromEntries(entries) as Record<LevelId, string[][]>;
}

function tiersOf(written: RawTiers): string[][] {
  if (Array.isArray(written)) return [written];
  return [written.primary, written.secondary ?? [], written.tertiary ?? []];
}
