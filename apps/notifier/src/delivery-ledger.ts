import type { Delivery } from '@qms/notifications';
import type { DocumentStore, DocumentWrite, OutgoingMessage } from '@qms/ports';

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

/** An outcome command recorded with its send, until the bus has it. */
export interface UnreportedOutcome {
  message: OutgoingMessage;
  recordedAt: string;
}

/** Entries still to be worked on: "sending" and "retry". Small. */
const OPEN = 'deliveries_open';
/** Settled entries: "sent", "failed", "cancelled". Grows with every page. */
const SETTLED = 'deliveries';
/** Outcome commands not yet published. Empty unless the bus was down. */
const UNREPORTED = 'delivery_outcomes';
const SCAN_LIMIT = 10_000;

/** How long a "sending" entry stays its sender's before others may resend. */
export const SEND_LEASE_MS = 30_000;

const isOpen = (e: LedgerEntry) =>
  e.status === 'sending' || e.status === 'retry';

/**
 * The delivery ledger: "sending" is recorded before a send and the
 * outcome after, so after a crash a key still "sending" is sent again
 * with the same idempotency key, and a settled key is never sent again.
 * Retries and orphaned sends are claimed with a compare-and-set, so two
 * notifier instances never both send one key.
 *
 * Open entries live apart from settled ones, so the scans for due retries
 * and orphaned sends read only the work in hand, however long the
 * history (a MongoDB-protocol server need not index the status). The
 * outcome command of a send is stored in the same write that settles it,
 * and removed once published: an outcome the bus refused (a broker
 * restart) or a crash cut off is published later, not lost.
 */
export class DeliveryLedger {
  constructor(private readonly docs: DocumentStore) {}

  init(): Promise<void> {
    return this.docs.ensureIndexes(OPEN, ['escalationId']);
  }

  /** The entry of `key`; a settled one wins over a leftover open one. */
  async get(key: string): Promise<LedgerEntry | undefined> {
    const [settled, open] = await Promise.all([
      this.docs.collection<LedgerEntry>(SETTLED).get(key),
      this.docs.collection<LedgerEntry>(OPEN).get(key),
    ]);
    return settled ?? open;
  }

  /** Every open entry, or those of one escalation. */
  open(escalationId?: string): Promise<LedgerEntry[]> {
    return this.docs
      .collection<LedgerEntry>(OPEN)
      .find(escalationId ? { escalationId } : {}, { limit: SCAN_LIMIT });
  }

  /**
   * Writes entries and, first, the outcomes to report. An open entry
   * replaces its key's open entry; a settled one is filed with the
   * settled entries and leaves the open ones. Without transactions a
   * crash may stop between the two: `dropSettled` tidies that up.
   */
  record(
    entries: LedgerEntry[],
    outcomes: OutgoingMessage[] = [],
    now = new Date(),
  ): Promise<void> {
    const recordedAt = now.toISOString();
    const writes: DocumentWrite[] = outcomes.map((message) => ({
      collection: UNREPORTED,
      id: message.id,
      doc: { message, recordedAt } satisfies UnreportedOutcome,
    }));
    for (const doc of entries) {
      const id = doc.key;
      if (isOpen(doc)) writes.push({ collection: OPEN, id, doc });
      else
        writes.push(
          { collection: SETTLED, id, doc },
          { collection: OPEN, id, doc: null },
        );
    }
    return this.docs.write(writes);
  }

  /** Moves `entry` to `next` only if nobody changed it since it was read. */
  claim(entry: LedgerEntry, next: LedgerEntry): Promise<boolean> {
    const expected = { status: entry.status, nonce: entry.nonce };
    return this.docs.replaceIf(OPEN, entry.key, expected, next);
  }

  /**
   * The open entries whose key is not settled yet. An open entry left
   * behind by a crash after its key was settled is removed, not resent.
   */
  async dropSettled(entries: LedgerEntry[]): Promise<LedgerEntry[]> {
    const settled = await Promise.all(
      entries.map((e) => this.docs.collection<LedgerEntry>(SETTLED).get(e.key)),
    );
    const leftovers = entries.filter((_, i) => settled[i]);
    await this.docs.write(
      leftovers.map((e) => ({ collection: OPEN, id: e.key, doc: null })),
    );
    return entries.filter((_, i) => !settled[i]);
  }

  /** Outcomes recorded but not yet known to be published. */
  unreported(): Promise<UnreportedOutcome[]> {
    return this.docs
      .collection<UnreportedOutcome>(UNREPORTED)
      .find({}, { limit: SCAN_LIMIT });
  }

  reported(messageIds: string[]): Promise<void> {
    return this.docs.write(
      messageIds.map((id) => ({ collection: UNREPORTED, id, doc: null })),
    );
  }
}
