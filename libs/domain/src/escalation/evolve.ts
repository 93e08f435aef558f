import { deadlineAfterPage } from './deadline';
import type { EscalationEvent } from './escalation.events';
import type { EscalationState } from './escalation.state';

/**
 * Folds one event into the state. Unknown event types are skipped (but
 * still counted in `version`) so an older reader survives a newer stream.
 */
export function evolve(
  state: EscalationState,
  event: EscalationEvent | { type: string; data: unknown },
): EscalationState {
  const s = { ...state, version: state.version + 1 };
  const e = event as EscalationEvent;
  switch (e.type) {
    case 'EscalationRaised':
      return {
        ...s,
        status: 'active',
        fingerprint: e.data.fingerprint,
        level: e.data.level,
        policy: e.data.policy,
        reasons: e.data.reasons,
        signal: e.data.signal,
        raisedAt: e.data.at,
        step: 0,
        occurrences: 1,
      };
    case 'OccurrenceRecorded':
      return { ...s, occurrences: e.data.count };
    case 'EscalationLevelChanged':
      return {
        ...s,
        level: e.data.to,
        policy: e.data.policy,
        reasons: e.data.reasons,
      };
    case 'NotificationRequested':
      return afterPage(s, e.data.step, e.data.repeat, e.data.at);
    case 'EscalationReopened':
      return { ...s, status: 'active', occurrences: s.occurrences + 1 };
    case 'EscalationAcknowledged':
      return { ...s, status: 'acknowledged', nextDeadline: undefined };
    case 'EscalationResolved':
      return { ...s, status: 'resolved', nextDeadline: undefined };
    case 'EscalationClosed':
      return { ...s, status: 'closed', nextDeadline: undefined };
    default:
      return s;
  }
}

function afterPage(
  s: EscalationState,
  step: number,
  repeat: number,
  at: string,
): EscalationState {
  const pagesPerStep = [...s.pagesPerStep];
  pagesPerStep[step] = Math.max(pagesPerStep[step] ?? 0, repeat + 1);
  const nextDeadline =
    s.status === 'active' && s.policy && s.raisedAt
      ? deadlineAfterPage(s.policy, step, at, s.raisedAt)
      : undefined;
  return { ...s, step, pagesPerStep, lastPagedAt: at, nextDeadline };
}

export function replay(
  state: EscalationState,
  events: Iterable<{ type: string; data: unknown }>,
): EscalationState {
  let s = state;
  for (const e of events) s = evolve(s, e);
  return s;
}
