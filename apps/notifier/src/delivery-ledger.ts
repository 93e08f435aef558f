import type { Delivery } from '@qms/notifications';
import type { DocumentFilter, DocumentStore } from '@qms/ports';

export type LedgerStatus =
  'sending' | 'retry' | 'sent' | 'failed' | 'cancelled';

export interface LedgerEntry {
  key: string;
  escalationId: string;
  status: LedgerStatus;
  delivery: Delivery;
  nextAttemptAt?: string;
  /** The notifier instance sending it, and until when it holds it. */
  owner?: string;
  leaseUntil?: string;
  updatedAt: string;
  /** Fresh on every write: what a claim compares against. */
  nonce: string;
}

const DELIVERIES = 'deliveries';

/** How long a "sending" entry stays its sender's before others may resend. */
export const SEND_LEASE_MS = 30_000;

/**
 * The delivery ledger: "sending" is recorded before a send and the
 * outcome after, so after a crash a key still "sending" is sent again
 * with the same idempotency key, and a settled key is never sent again.
 * Retries and orphaned sends are claimed with a compare-and-set, so two
 * notifier instances never both send one key.
 */
export class DeliveryLedger {
  constructor(private readonly docs: DocumentStore) {}

  init(): Promise<void> {
    return this.docs.ensureIndexes(DELIVERIES, ['status', 'escalationId']);
  }

  get(key: string): Promise<LedgerEntry | undefined> {
    return this.docs.collection<LedgerEntry>(DELIVERIES).get(key);
  }

  withStatus(
    status: LedgerStatus,
    escalationId?: string,
  ): Promise<LedgerEntry[]> {
    const filter: DocumentFilter = escalationId
      ? { status, escalationId }
      : { status };
    return this.docs
      .collection<LedgerEntry>(DELIVERIES)
      .find(filter, { limit: 1000 });
  }

  record(entries: LedgerEntry[]): Promise<void> {
    return this.docs.write(
      entries.map((doc) => ({ collection: DELIVERIES, id: doc.key, doc })),
    );
  }

  /** Moves `entry` to `next` only if nobody changed it since it was read. */
  claim(entry: LedgerEntry, next: LedgerEntry): Promise<boolean> {
    const expected = { status: entry.status, nonce: entry.nonce };
    return this.docs.replaceIf(DELIVERIES, entry.key, expected, next);
  }
}
