import { levelRank } from '../level';
import { refusal } from './escalation.errors';
import type { CommandMap } from './escalation.commands';
import type { EscalationEvent } from './escalation.events';
import type { EscalationState } from './escalation.state';
import { isOpen } from './escalation.state';
import { evolve } from './evolve';
import { page } from './page';

type Trigger = CommandMap['TriggerEscalation'];

/**
 * A signal fires: raise a new escalation, record an occurrence on the
 * open one (climbing to a more severe level if it now matches one),
 * or reopen a resolved one. A closed escalation refuses: the caller
 * raises a successor.
 */
export function decideTrigger(
  c: Trigger,
  s: EscalationState,
): EscalationEvent[] {
  if (s.status === 'none') return raise(c, s);
  if (s.status === 'closed') {
    throw refusal('ESCALATION_CLOSED', c, 'escalation is closed');
  }
  const occurrence: EscalationEvent = {
    type: 'OccurrenceRecorded',
    data: { at: c.now, signal: c.signal, count: s.occurrences + 1 },
  };
  if (isOpen(s)) return [occurrence, ...climbLevel(c, evolve(s, occurrence))];
  if (c.resolvedBeforeArrival) return [occurrence];
  const reopened: EscalationEvent = {
    type: 'EscalationReopened',
    data: { at: c.now, signal: c.signal },
  };
  return [reopened, page(evolve(s, reopened), 0, 'reopened', c.now)];
}

function raise(c: Trigger, s: EscalationState): EscalationEvent[] {
  const raised: EscalationEvent = {
    type: 'EscalationRaised',
    data: {
      at: c.now,
      fingerprint: c.fingerprint,
      level: c.level,
      policy: c.policy,
      reasons: c.reasons,
      signal: c.signal,
    },
  };
  const early = c.resolvedBeforeArrival;
  if (early) {
    const note = `resolve ${early.eventId} arrived before this trigger`;
    const resolved: EscalationEvent = {
      type: 'EscalationResolved',
      data: { at: c.now, by: 'signal', via: 'signal', note },
    };
    return [raised, resolved];
  }
  return [raised, page(evolve(s, raised), 0, 'raised', c.now)];
}

function climbLevel(c: Trigger, s: EscalationState): EscalationEvent[] {
  if (!s.level || levelRank(c.level) >= levelRank(s.level)) return [];
  const changed: EscalationEvent = {
    type: 'EscalationLevelChanged',
    data: {
      at: c.now,
      from: s.level,
      to: c.level,
      policy: c.policy,
      reasons: c.reasons,
    },
  };
  if (s.status !== 'active') return [changed];
  return [changed, page(evolve(s, changed), 0, 'level_changed', c.now)];
}
