import type { StakeholderConfig } from '@qms/config';
import type { LevelId } from '@qms/domain';

export interface SelectChannelsOptions {
  /** The level being paged; `priorities` are this level's tiers. */
  level: LevelId;
  stakeholder: StakeholderConfig;
  /** The level's channel tiers, most urgent first. */
  priorities: string[][];
  /** Channels configured and implemented in this process. */
  available: ReadonlySet<string>;
  /**
   * Channels with a process-wide address, so no per-stakeholder address is
   * needed: `webhook` when `channels.webhook.url` is set.
   */
  globallyAddressed?: ReadonlySet<string>;
}

/** Channels that need no address at all. */
const ADDRESS_FREE = new Set(['log']);

/**
 * The channels to page one stakeholder on: every reachable channel of the
 * first tier that has one, or `['log']` when no tier has any. A channel is
 * reachable when it is available and the stakeholder can be addressed on it
 * (see `hasAddress`).
 */
export function selectChannels(opts: SelectChannelsOptions): string[] {
  const global = opts.globallyAddressed ?? new Set<string>();
  const reachable = (channel: string) =>
    opts.available.has(channel) &&
    (global.has(channel) || hasAddress(opts.stakeholder, channel));

  for (const tier of opts.priorities) {
    const chosen = [...new Set(tier.filter(reachable))];
    if (chosen.length > 0) return chosen;
  }
  return ['log'];
}

/** A per-channel override, or the contact the channel uses by default. */
function hasAddress(stakeholder: StakeholderConfig, channel: string): boolean {
  if (ADDRESS_FREE.has(channel)) return true;
  if (stakeholder.channels[channel]) return true;
  if (channel === 'email') return Boolean(stakeholder.email);
  if (channel === 'sms' || channel === 'phone') {
    return Boolean(stakeholder.phone);
  }
  return false;
}
