import type { LevelId } from '../level';
import type { EscalationPolicy, StepName } from './escalation-policy';

/** The part of the triggering signal an escalation keeps. */
export interface SignalSnapshot {
  eventId: string;
  fingerprint: string;
  source: string;
  type: string;
  component: string;
  severity: string;
  summary?: string;
  occurredAt: string;
  acceptedAt: string;
  fields: Record<string, unknown>;
}

export interface RuleReason {
  rule: string;
  level: LevelId;
}

export type Actor = { by: string; via: 'api' | 'signal' };

interface Timed {
  at: string;
}

export interface EscalationEventMap {
  EscalationRaised: Timed & {
    fingerprint: string;
    level: LevelId;
    policy: EscalationPolicy;
    reasons: RuleReason[];
    signal: SignalSnapshot;
  };
  OccurrenceRecorded: Timed & { signal: SignalSnapshot; count: number };
  EscalationLevelChanged: Timed & {
    from: LevelId;
    to: LevelId;
    policy: EscalationPolicy;
    reasons: RuleReason[];
  };
  NotificationRequested: Timed & {
    step: number;
    stepName: StepName;
    repeat: number;
    recipients: string[];
    level: LevelId;
    template: string;
    reason: 'raised' | 'escalated' | 'repeated' | 'reopened' | 'level_changed';
    vars: Record<string, unknown>;
  };
  EscalationAutoEscalated: Timed & {
    fromStep: number;
    toStep: number;
    repeat: number;
    dueAt: string;
    /** Seconds between when the step was due and now (downtime). */
    delaySec: number;
    /** Pages that fell due during downtime and are folded into this one. */
    missedPages: number;
  };
  EscalationAcknowledged: Timed & Actor & { note?: string };
  EscalationResolved: Timed & Actor & { note?: string };
  EscalationResolveRepeated: Timed & Actor;
  EscalationClosed: Timed & Actor;
  EscalationReopened: Timed & { signal: SignalSnapshot };
  NotificationDelivered: Timed & DeliveryRef & { detail?: string };
  NotificationFailed: Timed &
    DeliveryRef & { code: string; reason: string; final: boolean };
}

export interface DeliveryRef {
  key: string;
  channel: string;
  recipient: string;
  step: number;
  repeat: number;
  attempt: number;
}

export type EscalationEventType = keyof EscalationEventMap;

export type EscalationEvent = {
  [K in EscalationEventType]: { type: K; data: EscalationEventMap[K] };
}[EscalationEventType];

export const ESCALATION_EVENT_TYPES = [
  'EscalationRaised',
  'OccurrenceRecorded',
  'EscalationLevelChanged',
  'NotificationRequested',
  'EscalationAutoEscalated',
  'EscalationAcknowledged',
  'EscalationResolved',
  'EscalationResolveRepeated',
  'EscalationClosed',
  'EscalationReopened',
  'NotificationDelivered',
  'NotificationFailed',
] as const satisfies readonly EscalationEventType[];

export function isEscalationEvent(e: { type: string }): e is EscalationEvent {
  return (ESCALATION_EVENT_TYPES as readonly string[]).includes(e.type);
}
