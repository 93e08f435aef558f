import type { DocumentStore } from '@qms/ports';

const INSTANCES = 'notifier_instances';

/** How often an instance notes that it runs. */
export const ALIVE_EVERY_MS = 5000;

interface AliveMark {
  instanceId: string;
  aliveAt: string;
}

/**
 * Each notifier instance notes every few seconds that it runs, so a peer
 * can tell a sender that crashed (take its sends over) from one that is
 * only slow (leave them: it finishes or resumes them into its own outbox).
 */
export class InstanceLiveness {
  constructor(private readonly docs: DocumentStore) {}

  mark(instanceId: string, now: Date): Promise<void> {
    const doc: AliveMark = { instanceId, aliveAt: now.toISOString() };
    return this.docs.write([{ collection: INSTANCES, id: instanceId, doc }]);
  }

  /** The instances that noted they run at `since` or later. */
  async aliveSince(since: Date): Promise<Set<string>> {
    const marks = await this.docs
      .collection<AliveMark>(INSTANCES)
      .find({}, { limit: 1000 });
    const fresh = marks.filter((m) => Date.parse(m.aliveAt) >= +since);
    return new Set(fresh.map((m) => m.instanceId));
  }
}
