import type { ConfigContext } from './config-context';
import type { QmsConfig, RuleGroupConfig, RuleGroupId } from './config.types';
import type { RawConfig, RawRuleGroup } from './raw-config.types';
import { readOptionalDuration } from './value.readers';

const DEFAULT_RESOLVE_WINDOW_SEC = 5 * 60;

/** Configured rule groups only; a group not listed is enabled, medium. */
export function readRuleGroups(
  raw: RawConfig,
): Partial<Record<RuleGroupId, RuleGroupConfig>> {
  const groups = raw.escalation_configuration?.rule_groups ?? {};
  const entries = Object.entries(groups).map(([id, group]) => [
    id,
    readRuleGroup(id, group),
  ]);
  return Object.fromEntries(entries);
}

function readRuleGroup(id: string, group: RawRuleGroup): RuleGroupConfig {
  // The schema holds security at maximum; say so when the key is omitted.
  const sensitivity = id === 'security_rules' ? 'maximum' : 'medium';
  return {
    enabled: group.enabled ?? true,
    sensitivity: group.sensitivity ?? sensitivity,
    customThresholds: { ...group.custom_thresholds },
  };
}

/**
 * resolve_window (default 5 minutes) and the suppression windows; zero
 * switches a window off. similar_event_suppression is checked but not
 * yet acted on.
 */
export function readEscalationSettings(
  context: ConfigContext,
  raw: RawConfig,
): QmsConfig['escalation'] {
  const settings = raw.escalation_configuration;
  const base = ['escalation_configuration'];
  const windows = settings?.notification_preferences?.suppression_windows;
  const windowsPath = [
    ...base,
    'notification_preferences',
    'suppression_windows',
  ];
  const read = (path: string[], value: unknown) =>
    readOptionalDuration(context, path, value, { allowZero: true });

  const resolveWindowSec = read(
    [...base, 'resolve_window'],
    settings?.resolve_window,
  );
  const duplicateSuppressionSec = read(
    [...windowsPath, 'duplicate_suppression'],
    windows?.duplicate_suppression,
  );
  read(
    [...windowsPath, 'similar_event_suppression'],
    windows?.similar_event_suppression,
  );
  return {
    resolveWindowSec: resolveWindowSec ?? DEFAULT_RESOLVE_WINDOW_SEC,
    ...(duplicateSuppressionSec === undefined
      ? {}
      : { duplicateSuppressionSec }),
  };
}
