import type { LevelConfig, RuleConfig } from '@qms/config';
import type { EscalationPolicy, PolicyStep } from '@qms/domain';

/**
 * Who is paged at which step: step 1 is the union of the matching rules'
 * stakeholders and the level's primary chain; then secondary, then
 * executive (only when its condition holds). Empty steps are skipped.
 */
export function buildPolicy(
  level: LevelConfig,
  rules: RuleConfig[],
  fields: Record<string, unknown>,
): EscalationPolicy {
  const primary = unique([
    ...rules.flatMap((r) => r.stakeholders),
    ...level.chain.primary,
  ]);
  const executiveAllowed =
    !level.executiveWhen || level.executiveWhen.evaluate(fields) === true;
  const executive = executiveAllowed ? level.chain.executive : [];
  const steps: PolicyStep[] = [
    { name: 'primary' as const, recipients: primary },
    { name: 'secondary' as const, recipients: level.chain.secondary },
    {
      name: 'executive' as const,
      recipients: executive,
      notBeforeSec: level.executiveAfterSec,
    },
  ].filter((s) => s.recipients.length > 0);
  const timeouts = rules.flatMap((r) => (r.timeoutSec ? [r.timeoutSec] : []));
  return {
    level: level.id,
    steps: steps.map(({ notBeforeSec, ...s }) =>
      notBeforeSec ? { ...s, notBeforeSec } : s,
    ),
    ackTimeoutSec: timeouts.length
      ? Math.min(...timeouts)
      : level.ackTimeoutSec,
    repeatEverySec: level.repeatEverySec,
    responseTimeSec: level.responseTimeSec,
    resolutionSlaSec: level.resolutionSlaSec,
    template: rules[0]?.template ?? 'alert',
  };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
