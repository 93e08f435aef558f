/** What a signal asks for: open (or re-fire), acknowledge, or resolve. */
export type SignalAction = 'trigger' | 'acknowledge' | 'resolve';

/**
 * A signal after intake: every source (native, Alertmanager, Grafana,
 * PagerDuty) is normalised to this shape before it reaches the bus.
 */
export interface QmsEvent {
  /** Unique per accepted signal; given by the client or generated. */
  id: string;
  type: string;
  /** `alertmanager`, `grafana`, `pagerduty`, or the native client's own. */
  source: string;
  component: string;
  /** Lower-case; `none` when the source sent none. */
  severity: string;
  action: SignalAction;
  /** Correlation identity; see docs/fingerprint.md. Never empty. */
  fingerprint: string;
  summary?: string;
  /** ISO time the source says it happened (payload), else acceptedAt. */
  occurredAt: string;
  /** ISO time our server accepted it; deadlines count from here. */
  acceptedAt: string;
  /**
   * Fields conditions and templates address: metric fields of native
   * events, `labels.*`, `annotations.*`, `details.*` of integrations.
   */
  fields: Record<string, unknown>;
}
