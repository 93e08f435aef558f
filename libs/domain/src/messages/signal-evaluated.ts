import type { EscalationPolicy } from '../escalation/escalation-policy';
import type { RuleReason } from '../escalation/escalation.events';
import type { LevelId } from '../level';
import type { QmsEvent } from '../qms-event';

/**
 * `qms.rule-matches.v1`: every accepted signal after rule evaluation,
 * matched or not, keyed by fingerprint so a signal's resolve never
 * overtakes its trigger.
 */
export interface SignalEvaluated {
  event: QmsEvent;
  /** Every rule that matched; empty when none did. */
  reasons: RuleReason[];
  /** The most severe matching level and the policy it implies. */
  level?: LevelId;
  policy?: EscalationPolicy;
}

export const SIGNAL_ACCEPTED = 'SignalAccepted';
export const SIGNAL_EVALUATED = 'SignalEvaluated';

/** `qms.escalation-events.v1`: a committed escalation event, relayed. */
export interface EscalationEventMessage {
  escalationId: string;
  eventId: string;
  revision: number;
  position: number;
  /** When the event store committed it. */
  recordedAt: string;
  type: string;
  data: Record<string, unknown>;
}
