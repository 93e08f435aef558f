import type { LevelId, PolicyStep, RuleReason } from '@qms/domain';

export interface TimelineEntry {
  at: string;
  type: string;
  revision: number;
  detail: Record<string, unknown>;
}

/** The read model of one escalation, as the API serves it. */
export interface EscalationDocument {
  id: string;
  fingerprint: string;
  status: 'active' | 'acknowledged' | 'resolved' | 'closed';
  level: LevelId;
  /** `L0` .. `L3`, for filters and metrics. */
  levelLabel: string;
  component: string;
  source: string;
  severity: string;
  summary?: string;
  reasons: RuleReason[];
  steps: PolicyStep[];
  currentStep: number;
  occurrences: number;
  acceptedAt: string;
  raisedAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  resolvedAt?: string;
  closedAt?: string;
  updatedAt: string;
  notifications: { requested: number; delivered: number; failed: number };
  /** Stream revision last applied. */
  version: number;
  timeline: TimelineEntry[];
}

export const ESCALATIONS = 'escalations';
export const SIGNALS = 'signals';
