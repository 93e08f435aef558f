import {
  levelLabel,
  type EscalationEvent,
  type SignalSnapshot,
} from '@qms/domain';
import type { StoredEvent } from '@qms/ports';
import type { EscalationDocument } from './escalation-document';

/**
 * Folds one stored event into the escalation's document. Events already
 * applied (revision not newer) and unknown types change nothing but the
 * timeline, so replays and newer streams are safe.
 */
export function projectEscalation(
  doc: EscalationDocument | undefined,
  stored: StoredEvent,
): EscalationDocument | undefined {
  if (doc && stored.revision <= doc.version) return doc;
  const e = stored as unknown as EscalationEvent;
  if (!doc)
    return e.type === 'EscalationRaised' ? raised(stored, e.data) : undefined;
  const at = (stored.data as { at?: string }).at ?? stored.recordedAt;
  const next = { ...doc, version: stored.revision, updatedAt: at };
  next.timeline = [...doc.timeline, entry(stored, at)];
  return apply(next, e);
}

function apply(d: EscalationDocument, e: EscalationEvent): EscalationDocument {
  const n = d.notifications;
  switch (e.type) {
    case 'OccurrenceRecorded':
      return { ...d, occurrences: e.data.count };
    case 'EscalationLevelChanged':
      return {
        ...d,
        level: e.data.to,
        levelLabel: levelLabel(e.data.to),
        reasons: e.data.reasons,
        steps: e.data.policy.steps,
      };
    case 'NotificationRequested':
      return {
        ...d,
        currentStep: e.data.step,
        notifications: { ...n, requested: n.requested + 1 },
      };
    case 'NotificationDelivered':
      return { ...d, notifications: { ...n, delivered: n.delivered + 1 } };
    case 'NotificationFailed':
      return { ...d, notifications: { ...n, failed: n.failed + 1 } };
    case 'EscalationAcknowledged':
      return {
        ...d,
        status: 'acknowledged',
        acknowledgedAt: e.data.at,
        acknowledgedBy: e.data.by,
      };
    case 'EscalationResolved':
      return { ...d, status: 'resolved', resolvedAt: e.data.at };
    case 'EscalationReopened':
      return {
        ...d,
        status: 'active',
        resolvedAt: undefined,
        occurrences: d.occurrences + 1,
      };
    case 'EscalationClosed':
      return { ...d, status: 'closed', closedAt: e.data.at };
    default:
      return d;
  }
}

function raised(
  stored: StoredEvent,
  data: Extract<EscalationEvent, { type: 'EscalationRaised' }>['data'],
): EscalationDocument {
  const s: SignalSnapshot = data.signal;
  return {
    id: stored.streamId.replace(/^escalation-/, ''),
    fingerprint: data.fingerprint,
    status: 'active',
    level: data.level,
    levelLabel: levelLabel(data.level),
    component: s.component,
    source: s.source,
    severity: s.severity,
    summary: s.summary,
    reasons: data.reasons,
    steps: data.policy.steps,
    currentStep: 0,
    occurrences: 1,
    acceptedAt: s.acceptedAt,
    raisedAt: stored.recordedAt,
    updatedAt: data.at,
    notifications: { requested: 0, delivered: 0, failed: 0 },
    version: stored.revision,
    timeline: [entry(stored, data.at)],
  };
}

/** The timeline keeps each event's facts minus bulky copies. */
function entry(stored: StoredEvent, at: string) {
  const {
    at: _at,
    vars: _vars,
    policy: _policy,
    signal,
    ...detail
  } = stored.data as Record<string, unknown>;
  if (signal) detail.signalId = (signal as { eventId?: string }).eventId;
  return { at, type: stored.type, revision: stored.revision, detail };
}
