import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { SignalEvaluated } from '@qms/domain';
import { METRICS, Metrics, READINESS, Readiness } from '@qms/observability';
import {
  CatchUp,
  DOCUMENT_STORE,
  EVENT_STORE,
  LOGGER,
  MESSAGE_BUS,
  TOPICS,
  type BatchHandler,
  type BusMessage,
  type DocumentStore,
  type EventStore,
  type Logger,
  type MessageBus,
  type Subscription,
} from '@qms/ports';
import {
  ESCALATIONS,
  SIGNALS,
  type EscalationDocument,
} from './escalation-document';
import {
  loadCheckpoint,
  projectBatch,
  PROJECTION,
} from './escalation-projection';
import { relayedEvent } from './relayed-event';
import { signalDocument } from './signal-document';

export const ESCALATION_INDEXES = [
  'status',
  'level',
  'levelLabel',
  'component',
  'fingerprint',
  'raisedAt',
];

/**
 * Keeps the read models: escalations from the event store (documents and
 * checkpoint written together), signals from `qms.rule-matches.v1`.
 */
@Injectable()
export class ProjectorService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly catchUp?: CatchUp;
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Optional() @Inject(EVENT_STORE) store: EventStore | undefined,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(METRICS) metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
    @Inject(LOGGER) logger: Logger,
  ) {
    // Without a readable event store (distributed, SQLite owned by the
    // escalation service) the relayed topic carries the same events.
    this.catchUp =
      store &&
      new CatchUp(store, logger, {
        name: PROJECTION,
        load: () => loadCheckpoint(docs),
        handle: (events) => projectBatch(docs, events),
      });
    metrics.countEscalations = () => this.countEscalations();
    readiness.expect('projector');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.docs.ensureIndexes(ESCALATIONS, ESCALATION_INDEXES);
    await this.docs.ensureIndexes(SIGNALS, ['fingerprint', 'acceptedAt']);
    if (this.catchUp) await this.catchUp.start();
    else
      await this.follow(TOPICS.escalationEvents, (b) => this.projectRelayed(b));
    await this.follow(TOPICS.ruleMatches, (b) => this.recordSignals(b));
    this.readiness.ready('projector');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.stop()));
    await this.catchUp?.stop();
  }

  private async follow(topic: string, handler: BatchHandler): Promise<void> {
    const group = 'projector';
    this.subscriptions.push(
      await this.bus.subscribe({ topic, group, handler }),
    );
  }

  private projectRelayed(batch: BusMessage[]): Promise<void> {
    return projectBatch(this.docs, batch.map(relayedEvent));
  }

  private async countEscalations() {
    const collection = this.docs.collection<EscalationDocument>(ESCALATIONS);
    const counts = [];
    for (const level of ['L0', 'L1', 'L2', 'L3']) {
      for (const status of ['active', 'acknowledged', 'resolved', 'closed']) {
        counts.push({
          level,
          status,
          count: await collection.count({ levelLabel: level, status }),
        });
      }
    }
    return counts;
  }

  private async recordSignals(batch: BusMessage[]): Promise<void> {
    await this.docs.write(
      batch.map((m) => {
        const doc = signalDocument(m.payload as SignalEvaluated);
        return { collection: SIGNALS, id: doc.id, doc };
      }),
    );
  }
}
