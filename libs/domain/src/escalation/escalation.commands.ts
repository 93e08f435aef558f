import type { LevelId } from '../level';
import type { EscalationPolicy } from './escalation-policy';
import type {
  Actor,
  DeliveryRef,
  RuleReason,
  SignalSnapshot,
} from './escalation.events';

/** Time and ids come in with the command; decide never reads a clock. */
interface CommandBase {
  commandId: string;
  escalationId: string;
  /** ISO time the command is decided at. */
  now: string;
}

export interface CommandMap {
  /** Raises, records an occurrence on, or reopens the escalation. */
  TriggerEscalation: CommandBase & {
    fingerprint: string;
    level: LevelId;
    policy: EscalationPolicy;
    reasons: RuleReason[];
    signal: SignalSnapshot;
    /** Set when a resolve for this signal arrived before it. */
    resolvedBeforeArrival?: { at: string; eventId: string };
  };
  AcknowledgeEscalation: CommandBase & Actor & { note?: string };
  ResolveEscalation: CommandBase & Actor & { note?: string };
  CloseEscalation: CommandBase & Actor;
  /** Carries the revision the deadline was computed from. */
  FireDeadline: CommandBase & { expectedRevision: number };
  RecordDeliveryOutcome: CommandBase &
    DeliveryRef &
    (
      | { outcome: 'delivered'; detail?: string }
      | { outcome: 'failed'; code: string; reason: string; final: boolean }
    );
}

export type EscalationCommandType = keyof CommandMap;

export type EscalationCommand = {
  [K in EscalationCommandType]: { type: K } & CommandMap[K];
}[EscalationCommandType];
