import {
  type EscalationCommand,
  type QmsEvent,
  type SignalEvaluated,
  type SignalSnapshot,
} from '@qms/domain';
import type { CorrelationEntry, PendingResolve } from './correlation.types';

export interface CorrelationView {
  entry?: CorrelationEntry;
  pending?: PendingResolve;
}

export interface Correlation {
  commands: EscalationCommand[];
  entry?: CorrelationEntry;
  /** `null` clears the pending resolve; undefined leaves it. */
  pending?: PendingResolve | null;
}

/**
 * Maps an evaluated signal to escalation commands. Same fingerprint while
 * an escalation is open (or resolved, not closed): that escalation. A
 * trigger after a close still goes to the closed escalation, whose
 * aggregate refuses it and raises its one successor, so signals racing a
 * close cannot each raise their own. A resolve with nothing to resolve is
 * kept for `resolveWindowSec`, and a trigger that started before it is
 * raised already resolved. Command ids derive from the signal id, so a
 * redelivered signal decides the same. `entry` is returned only when new.
 */
export function correlateSignal(
  evaluated: SignalEvaluated,
  view: CorrelationView,
  opts: { newEscalationId: (seed: string) => string; resolveWindowSec: number },
): Correlation {
  const e = evaluated.event;
  const live =
    view.entry && view.entry.status !== 'closed' ? view.entry : undefined;
  const base = { now: e.acceptedAt, via: 'signal' as const, by: e.source };
  if (e.action === 'resolve') {
    if (live) {
      const id = live.escalationId;
      return {
        commands: [
          {
            type: 'ResolveEscalation',
            commandId: `resolve:${e.id}`,
            escalationId: id,
            ...base,
          },
        ],
      };
    }
    // PagerDuty ignores a resolve for a key it has no incident for.
    if (e.source === 'pagerduty') return { commands: [] };
    const expiresAt = new Date(
      Date.parse(e.acceptedAt) + opts.resolveWindowSec * 1000,
    ).toISOString();
    return {
      commands: [],
      pending: {
        fingerprint: e.fingerprint,
        eventId: e.id,
        at: e.occurredAt,
        expiresAt,
      },
    };
  }
  if (e.action === 'acknowledge') {
    if (!live) return { commands: [] };
    const id = live.escalationId;
    return {
      commands: [
        {
          type: 'AcknowledgeEscalation',
          commandId: `ack:${e.id}`,
          escalationId: id,
          ...base,
        },
      ],
    };
  }
  if (!evaluated.level || !evaluated.policy) return { commands: [] };
  const known = view.entry?.escalationId;
  const escalationId = known ?? opts.newEscalationId(e.id);
  const early = live ? undefined : earlierResolve(e, view.pending);
  const command: EscalationCommand = {
    type: 'TriggerEscalation',
    commandId: `trigger:${e.id}`,
    escalationId,
    now: e.acceptedAt,
    fingerprint: e.fingerprint,
    level: evaluated.level,
    policy: evaluated.policy,
    reasons: evaluated.reasons,
    signal: snapshot(e),
    resolvedBeforeArrival: early,
  };
  const entry = known
    ? undefined
    : { fingerprint: e.fingerprint, escalationId, status: 'open' as const };
  return { commands: [command], entry, pending: early ? null : undefined };
}

/** A pending resolve still in its window that ends after this started. */
function earlierResolve(e: QmsEvent, pending?: PendingResolve) {
  if (!pending || Date.parse(pending.expiresAt) < Date.parse(e.acceptedAt))
    return undefined;
  if (Date.parse(e.occurredAt) > Date.parse(pending.at)) return undefined;
  return { at: pending.at, eventId: pending.eventId };
}

export function snapshot(e: QmsEvent): SignalSnapshot {
  return {
    eventId: e.id,
    fingerprint: e.fingerprint,
    source: e.source,
    type: e.type,
    component: e.component,
    severity: e.severity,
    summary: e.summary,
    occurredAt: e.occurredAt,
    acceptedAt: e.acceptedAt,
    fields: e.fields,
  };
}
