import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { QMS_CONFIG, type QmsConfig } from '@qms/config';
import {
  commandMessage,
  type EscalationEventMessage,
  type SignalEvaluated,
} from '@qms/domain';
import { READINESS, Readiness } from '@qms/observability';
import {
  DOCUMENT_STORE,
  LOGGER,
  MESSAGE_BUS,
  TOPICS,
  type BusMessage,
  type DocumentStore,
  type DocumentWrite,
  type Logger,
  type MessageBus,
  type Subscription,
} from '@qms/ports';
import { v5 as uuidv5 } from 'uuid';
import { correlateSignal } from './correlate-signal';
import {
  CORRELATIONS,
  PENDING_RESOLVES,
  type CorrelationEntry,
  type PendingResolve,
} from './correlation.types';

const ESCALATION_NS = '3f1c1b1e-8a40-4d3c-9a51-6f0c2f6b7a10';
const STATUS_BY_EVENT: Record<string, CorrelationEntry['status']> = {
  EscalationRaised: 'open',
  EscalationReopened: 'open',
  EscalationResolved: 'resolved',
  EscalationClosed: 'closed',
};

/**
 * Turns evaluated signals into escalation commands, one escalation per
 * fingerprint at a time. Follows escalation events to learn when one
 * resolves or closes (including changes made through the API).
 */
@Injectable()
export class CorrelatorService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(QMS_CONFIG) private readonly config: QmsConfig,
    @Inject(READINESS) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    readiness.expect('correlator');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.docs.ensureIndexes(CORRELATIONS, ['escalationId']);
    this.subscriptions.push(
      await this.bus.subscribe({
        topic: TOPICS.ruleMatches,
        group: 'correlator',
        handler: (b) => this.correlate(b),
      }),
      await this.bus.subscribe({
        topic: TOPICS.escalationEvents,
        group: 'correlator',
        handler: (b) => this.follow(b),
      }),
    );
    this.readiness.ready('correlator');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.stop()));
  }

  private async correlate(batch: BusMessage[]): Promise<void> {
    const entries = new Map<string, CorrelationEntry | undefined>();
    // Only entries this batch created are written: rewriting one read at
    // the start could undo what `follow` learnt meanwhile (a close).
    const created = new Map<string, CorrelationEntry>();
    const pendings = new Map<string, PendingResolve | null | undefined>();
    const messages = [];
    for (const m of batch) {
      const evaluated = m.payload as SignalEvaluated;
      const fp = evaluated.event.fingerprint;
      if (!entries.has(fp))
        entries.set(
          fp,
          await this.docs.collection<CorrelationEntry>(CORRELATIONS).get(fp),
        );
      if (!pendings.has(fp))
        pendings.set(
          fp,
          await this.docs.collection<PendingResolve>(PENDING_RESOLVES).get(fp),
        );
      const result = correlateSignal(
        evaluated,
        { entry: entries.get(fp), pending: pendings.get(fp) ?? undefined },
        {
          newEscalationId: (seed) => uuidv5(seed, ESCALATION_NS),
          resolveWindowSec: this.config.escalation.resolveWindowSec,
        },
      );
      if (result.entry) {
        entries.set(fp, result.entry);
        created.set(fp, result.entry);
      }
      if (result.pending !== undefined) pendings.set(fp, result.pending);
      messages.push(
        ...result.commands.map((c) => commandMessage(c, m.traceparent)),
      );
    }
    await this.bus.publish(messages);
    await this.docs.write([
      ...[...created].map(([id, doc]) => ({
        collection: CORRELATIONS,
        id,
        doc,
      })),
      ...[...pendings].flatMap(([id, doc]) =>
        doc === undefined ? [] : [{ collection: PENDING_RESOLVES, id, doc }],
      ),
    ]);
  }

  private async follow(batch: BusMessage[]): Promise<void> {
    const writes: DocumentWrite[] = [];
    for (const m of batch) {
      const e = m.payload as EscalationEventMessage;
      const status = STATUS_BY_EVENT[e.type];
      if (!status) continue;
      const fingerprint = await this.fingerprintOf(e);
      if (!fingerprint) continue;
      const doc: CorrelationEntry = {
        fingerprint,
        escalationId: e.escalationId,
        status,
      };
      writes.push({ collection: CORRELATIONS, id: fingerprint, doc });
    }
    await this.docs.write(writes);
  }

  /** Only the current escalation of a fingerprint may change its entry. */
  private async fingerprintOf(
    e: EscalationEventMessage,
  ): Promise<string | undefined> {
    if (e.type === 'EscalationRaised') return e.data.fingerprint as string;
    const [entry] = await this.docs
      .collection<CorrelationEntry>(CORRELATIONS)
      .find({ escalationId: e.escalationId }, { limit: 1 });
    return entry?.fingerprint;
  }
}
