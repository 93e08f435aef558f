import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  QMS_CONFIG,
  RUNTIME_SETTINGS,
  type QmsConfig,
  type RuntimeSettings,
} from '@qms/config';
import type { EscalationEventMap, EscalationEventMessage } from '@qms/domain';
import {
  LogChannel,
  WebhookChannel,
  type Channel,
  type Delivery,
} from '@qms/notifications';
import { METRICS, Metrics, READINESS, Readiness } from '@qms/observability';
import {
  CLOCK,
  DOCUMENT_STORE,
  LOGGER,
  MESSAGE_BUS,
  TOPICS,
  type BusMessage,
  type Clock,
  type DocumentStore,
  type Logger,
  type MessageBus,
  type Subscription,
} from '@qms/ports';
import { join } from 'node:path';
import { DeliveryLedger } from './delivery-ledger';
import { Dispatcher } from './dispatcher';
import { planDeliveries, type ChannelSetup } from './plan-deliveries';

const STOPPING_EVENTS = new Set([
  'EscalationAcknowledged',
  'EscalationResolved',
  'EscalationClosed',
]);
const RETRY_POLL_MS = 1000;

/**
 * Pages people: turns NotificationRequested events into deliveries,
 * retries failed ones from the ledger, and cancels what is pending when
 * an escalation is acknowledged, resolved or closed.
 */
@Injectable()
export class NotifierService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly ledger: DeliveryLedger;
  private readonly dispatcher: Dispatcher;
  private readonly setup: ChannelSetup;
  private readonly logChannel: LogChannel;
  private subscription?: Subscription;
  private retryTimer?: NodeJS.Timeout;
  private retrying?: Promise<void>;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(DOCUMENT_STORE) docs: DocumentStore,
    @Inject(QMS_CONFIG) private readonly config: QmsConfig,
    @Inject(RUNTIME_SETTINGS) settings: RuntimeSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(METRICS) metrics: Metrics,
    @Inject(READINESS) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.logChannel = new LogChannel(
      join(settings.dataDir, 'outbox.jsonl'),
      () => clock.now(),
    );
    const channels = new Map<string, Channel>([['log', this.logChannel]]);
    if (config.channels.webhook)
      channels.set(
        'webhook',
        new WebhookChannel(config.channels.webhook, () => clock.now()),
      );
    this.setup = {
      available: new Set(channels.keys()),
      globallyAddressed: new Set(config.channels.webhook ? ['webhook'] : []),
    };
    this.ledger = new DeliveryLedger(docs);
    this.dispatcher = new Dispatcher(
      channels,
      this.ledger,
      bus,
      clock,
      metrics,
      logger,
    );
    readiness.expect('notifier');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ledger.init();
    await this.resumeInterrupted();
    this.subscription = await this.bus.subscribe({
      topic: TOPICS.escalationEvents,
      group: 'notifier',
      handler: (batch) => this.handle(batch),
    });
    this.retryTimer = setInterval(() => void this.retryDue(), RETRY_POLL_MS);
    this.readiness.ready('notifier');
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.retryTimer);
    await this.subscription?.stop();
    await this.retrying;
    this.logChannel.close();
  }

  /** Sends still marked "sending" were cut off by a crash: send again. */
  private async resumeInterrupted(): Promise<void> {
    const interrupted = await this.ledger.withStatus('sending');
    if (interrupted.length)
      this.logger.info(
        { count: interrupted.length },
        'resuming interrupted sends',
      );
    await this.dispatcher.dispatch(interrupted.map((e) => e.delivery));
  }

  private async handle(batch: BusMessage[]): Promise<void> {
    const events = batch.map((m) => m.payload as EscalationEventMessage);
    const stopsAt = new Map<string, number>();
    events.forEach(
      (e, i) => STOPPING_EVENTS.has(e.type) && stopsAt.set(e.escalationId, i),
    );
    const deliveries: Delivery[] = [];
    for (const [i, e] of events.entries()) {
      if (e.type !== 'NotificationRequested') continue;
      if ((stopsAt.get(e.escalationId) ?? -1) > i) continue; // acknowledged later in this batch
      const request =
        e.data as unknown as EscalationEventMap['NotificationRequested'];
      deliveries.push(
        ...planDeliveries(e.escalationId, request, this.config, this.setup),
      );
    }
    await this.dispatcher.dispatch(await this.unsent(deliveries));
    await this.cancelPending([...stopsAt.keys()]);
  }

  /** Drops deliveries the ledger has already settled or is retrying. */
  private async unsent(deliveries: Delivery[]): Promise<Delivery[]> {
    const seen = await Promise.all(
      deliveries.map((d) => this.ledger.get(d.key)),
    );
    return deliveries.filter(
      (_, i) => !seen[i] || seen[i]?.status === 'sending',
    );
  }

  private async cancelPending(escalationIds: string[]): Promise<void> {
    for (const id of escalationIds) {
      const pending = await this.ledger.withStatus('retry', id);
      const now = this.clock.now().toISOString();
      await this.ledger.record(
        pending.map((e) => ({
          ...e,
          status: 'cancelled' as const,
          updatedAt: now,
        })),
      );
    }
  }

  private async retryDue(): Promise<void> {
    if (this.retrying) return;
    this.retrying = (async () => {
      const now = this.clock.now().getTime();
      const due = (await this.ledger.withStatus('retry')).filter(
        (e) => Date.parse(e.nextAttemptAt ?? '') <= now,
      );
      await this.dispatcher.dispatch(
        due.map((e) => ({ ...e.delivery, attempt: e.delivery.attempt + 1 })),
      );
    })()
      .catch((error) =>
        this.logger.warn({ error: String(error) }, 'retry pass failed'),
      )
      .finally(() => (this.retrying = undefined));
  }
}
