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
  updatedAt: string;
}

const DELIVERIES = 'deliveries';

/**
 * The delivery ledger: "sending" is recorded before a send and the
 * outcome after, so after a crash a key still "sending" is sent again
 * with the same idempotency key, and a settled key is never sent again.
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
}
