import type { LevelId } from '../level';
import type { EscalationPolicy } from './escalation-policy';
import type { RuleReason, SignalSnapshot } from './escalation.events';

export type EscalationStatus =
  'none' | 'active' | 'acknowledged' | 'resolved' | 'closed';

export interface Deadline {
  at: string;
  kind: 'escalate' | 'repeat';
}

export interface EscalationState {
  id: string;
  status: EscalationStatus;
  /** Events applied; the stream revision is `version - 1`. */
  version: number;
  fingerprint?: string;
  level?: LevelId;
  policy?: EscalationPolicy;
  reasons: RuleReason[];
  signal?: SignalSnapshot;
  raisedAt?: string;
  /** Index into policy.steps of the step paged last. */
  step: number;
  /** Pages sent so far per step index: the next page's repeat number. */
  pagesPerStep: number[];
  lastPagedAt?: string;
  nextDeadline?: Deadline;
  occurrences: number;
}

export function initialState(id: string): EscalationState {
  return {
    id,
    status: 'none',
    version: 0,
    reasons: [],
    step: 0,
    pagesPerStep: [],
    occurrences: 0,
  };
}

export function isOpen(state: EscalationState): boolean {
  return state.status === 'active' || state.status === 'acknowledged';
}
