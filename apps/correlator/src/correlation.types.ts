/** The correlator's view of the escalation currently owning a fingerprint. */
export interface CorrelationEntry {
  fingerprint: string;
  escalationId: string;
  status: 'open' | 'resolved' | 'closed';
}

/** A resolve that arrived with no escalation to resolve, kept a while. */
export interface PendingResolve {
  fingerprint: string;
  eventId: string;
  /** When the source says the signal stopped (its endsAt). */
  at: string;
  expiresAt: string;
}

export const CORRELATIONS = 'correlations';
export const PENDING_RESOLVES = 'pending_resolves';
