import type { QmsConfig } from '@qms/config';
import { levelRank, type QmsEvent, type SignalEvaluated } from '@qms/domain';
import { buildPolicy } from './build-policy';

/**
 * Runs every rule against a triggering signal. The most severe matching
 * level wins; every match is kept as a reason, and the rules at the
 * winning level shape the policy (stakeholders, timeout, template).
 * Acknowledge and resolve signals pass through unevaluated.
 */
export function evaluateSignal(
  event: QmsEvent,
  config: QmsConfig,
): SignalEvaluated {
  if (event.action !== 'trigger') return { event, reasons: [] };
  const matched = config.rules.filter(
    (r) => r.condition.evaluate(event.fields) === true,
  );
  if (matched.length === 0) return { event, reasons: [] };
  const level = matched
    .map((r) => r.level)
    .sort((a, b) => levelRank(a) - levelRank(b))[0];
  const winners = matched.filter((r) => r.level === level);
  return {
    event,
    reasons: matched.map((r) => ({ rule: r.name, level: r.level })),
    level,
    policy: buildPolicy(config.levels[level], winners, event.fields),
  };
}
