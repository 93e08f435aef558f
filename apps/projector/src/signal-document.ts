import type {
  LevelId,
  RuleReason,
  SignalAction,
  SignalEvaluated,
} from '@qms/domain';

/** Every accepted signal, matched or not, with what the rules said. */
export interface SignalDocument {
  id: string;
  fingerprint: string;
  source: string;
  type: string;
  component: string;
  severity: string;
  action: SignalAction;
  summary?: string;
  occurredAt: string;
  acceptedAt: string;
  matched: RuleReason[];
  level?: LevelId;
  fields: Record<string, unknown>;
}

export function signalDocument(evaluated: SignalEvaluated): SignalDocument {
  const e = evaluated.event;
  return {
    id: e.id,
    fingerprint: e.fingerprint,
    source: e.source,
    type: e.type,
    component: e.component,
    severity: e.severity,
    action: e.action,
    summary: e.summary,
    occurredAt: e.occurredAt,
    acceptedAt: e.acceptedAt,
    matched: evaluated.reasons,
    level: evaluated.level,
    fields: e.fields,
  };
}
