import { levelLabel } from '../level';
import type { EscalationState } from './escalation.state';

/**
 * Variables templates see: the signal's own fields first, then what the
 * escalation knows (these win, so a payload cannot spoof them).
 */
export function templateVars(
  state: EscalationState,
  stepName: string,
  repeat: number,
): Record<string, unknown> {
  const signal = state.signal;
  return {
    ...signal?.fields,
    escalation_id: state.id,
    fingerprint: state.fingerprint,
    level: state.level,
    level_label: state.level ? levelLabel(state.level) : undefined,
    component: signal?.component,
    source: signal?.source,
    severity: signal?.severity,
    type: signal?.type,
    summary: signal?.summary,
    rules: state.reasons.map((r) => r.rule).join(', '),
    occurrences: state.occurrences,
    step: stepName,
    repeat,
    raised_at: state.raisedAt,
    start_time: signal?.occurredAt,
    accepted_at: signal?.acceptedAt,
  };
}
