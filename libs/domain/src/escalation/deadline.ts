import type { EscalationPolicy } from './escalation-policy';
import type { Deadline } from './escalation.state';

const addSeconds = (iso: string, sec: number) =>
  new Date(Date.parse(iso) + sec * 1000).toISOString();

const later = (a: string, b: string) =>
  Date.parse(a) >= Date.parse(b) ? a : b;

/**
 * When the page at `step` (sent at `pagedAt`) stops waiting: it climbs
 * to the next step after the acknowledgment timeout (not before that
 * step's notBefore), or repeats at the last step per auto-escalation.
 */
export function deadlineAfterPage(
  policy: EscalationPolicy,
  step: number,
  pagedAt: string,
  raisedAt: string,
): Deadline | undefined {
  const next = policy.steps[step + 1];
  if (next) {
    const at = addSeconds(pagedAt, policy.ackTimeoutSec);
    const notBefore = addSeconds(raisedAt, next.notBeforeSec ?? 0);
    return { at: later(at, notBefore), kind: 'escalate' };
  }
  if (policy.repeatEverySec) {
    return { at: addSeconds(pagedAt, policy.repeatEverySec), kind: 'repeat' };
  }
  return undefined;
}
