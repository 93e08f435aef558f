import type { LedgerEntry } from './delivery-ledger';

export interface ResumeRule {
  /** This instance's id. */
  self: string;
  /** Resume this instance's own sends whatever their lease (start-up). */
  includeOwn: boolean;
  /** Instances that noted lately that they run. */
  alive: ReadonlySet<string>;
  now: number;
}

/**
 * Whether a "sending" entry was cut off and is to be sent again here. Its
 * owner resumes it itself: at start-up, or once its lease ran out. A peer
 * takes it over only when the lease ran out and the owner has stopped
 * noting that it runs: a live owner that is merely slow would otherwise
 * see the same page written into a second outbox.
 */
export function isInterrupted(e: LedgerEntry, rule: ResumeRule): boolean {
  if (e.status !== 'sending') return false;
  const own = e.owner === rule.self;
  if (own && rule.includeOwn) return true;
  if (!(Date.parse(e.leaseUntil ?? '') < rule.now)) return false;
  return own || e.owner === undefined || !rule.alive.has(e.owner);
}
