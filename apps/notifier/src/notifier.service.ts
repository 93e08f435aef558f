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
import {
  METRICS,
  Metrics,
  READINESS,
  Readiness,
  TRACING,
  Tracing,
} from '@qms/observability';
import {
  backoffMs,
  CLOCK,
  DOCUMENT_STORE,
  isRetriable,
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
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeliveryLedger,
  SEND_LEASE_MS,
  type LedgerEntry,
} from './delivery-ledger';
import { Dispatcher } from './dispatcher';
import { ALIVE_EVERY_MS, InstanceLiveness } from './instance-liveness';
import { isInterrupted } from './interrupted-sends';
import { planDeliveries, type ChannelSetup } from './plan-deliveries';

const STOPPING_EVENTS = new Set([
  'EscalationAcknowledged',
  'EscalationResolved',
  'EscalationClosed',
]);
const RETRY_POLL_MS = 1000;
/** Outcomes unpublished this long were left by an outage or a crash. */
const LEFTOVER_AGE_MS = 5000;
const START_ATTEMPTS = 8;

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
  private readonly liveness: InstanceLiveness;
  private aliveTimer?: NodeJS.Timeout;
  private readonly dispatcher: Dispatcher;
  private readonly setup: ChannelSetup;
  private readonly logChannel: LogChannel;
  private readonly instanceId: string;
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
    @Inject(TRACING) tracing: Tracing,
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
    this.liveness = new InstanceLiveness(docs);
    this.dispatcher = new Dispatcher(
      channels,
      this.ledger,
      bus,
      clock,
      metrics,
      logger,
      settings.instanceId,
      tracing,
    );
    this.instanceId = settings.instanceId;
    readiness.expect('notifier');
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ledger.init();
    await this.noteAlive();
    this.aliveTimer = setInterval(() => void this.noteAlive(), ALIVE_EVERY_MS);
    await this.resumeOwnInterrupted();
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
    clearInterval(this.aliveTimer);
    await this.subscription?.stop();
    await this.retrying;
    this.logChannel.close();
  }

  /**
   * Sends still "sending" were cut off by a crash: this instance's own
   * (at start-up), or another instance's once its lease ran out. Sent
   * again with the same key and attempt.
   */
  private async resumeInterrupted(
    includeOwn: boolean,
    open?: LedgerEntry[],
  ): Promise<void> {
    const sending = (open ?? (await this.ledger.open())).filter(
      (e) => e.status === 'sending',
    );
    if (sending.length === 0) return;
    const orphaned = sending.filter(await this.interruptedTest(includeOwn));
    if (orphaned.length === 0) return;
    this.logger.info({ count: orphaned.length }, 'resuming interrupted sends');
    await this.dispatcher.resend(orphaned, (e) => e.delivery.attempt);
  }

  /**
   * At start-up, before this instance sends anything new: a busy or
   * briefly unreachable store is waited out rather than ending the
   * process, so a restart after a crash resumes its sends itself.
   */
  private async resumeOwnInterrupted(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.resumeInterrupted(true);
      } catch (error) {
        if (!isRetriable(error) || attempt >= START_ATTEMPTS) throw error;
        const fields = { attempt, error: String(error) };
        this.logger.warn(fields, 'resuming interrupted sends failed; retrying');
        await sleep(backoffMs(attempt));
      }
    }
  }

  /** Peers see this instance as running, so they leave its sends alone. */
  private async noteAlive(): Promise<void> {
    await this.liveness
      .mark(this.instanceId, this.clock.now())
      .catch((error) =>
        this.logger.warn({ error: String(error) }, 'noting liveness failed'),
      );
  }

  private async interruptedTest(includeOwn: boolean) {
    const now = this.clock.now().getTime();
    const since = new Date(now - SEND_LEASE_MS);
    const alive = await this.liveness.aliveSince(since);
    const self = this.instanceId;
    return (e: LedgerEntry) =>
      isInterrupted(e, { self, includeOwn, alive, now });
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
        ...planDeliveries(
          e.escalationId,
          request,
          this.config,
          this.setup,
          batch[i].traceparent,
        ),
      );
    }
    await this.deliver(deliveries);
    await this.cancelPending([...stopsAt.keys()]);
  }

  /**
   * New keys are sent; a key still "sending" is resent only if its sender
   * is gone; settled or scheduled keys are left alone.
   */
  private async deliver(deliveries: Delivery[]): Promise<void> {
    const seen = await Promise.all(
      deliveries.map((d) => this.ledger.get(d.key)),
    );
    const fresh = deliveries.filter((_, i) => !seen[i]);
    const sending = seen.filter(
      (e): e is LedgerEntry => e?.status === 'sending',
    );
    const orphans =
      sending.length > 0
        ? sending.filter(await this.interruptedTest(true))
        : [];
    await this.dispatcher.dispatch(fresh);
    await this.dispatcher.resend(orphans, (e) => e.delivery.attempt);
  }

  /**
   * Scheduled retries of these escalations are settled as cancelled, each
   * claimed first: a retry a peer claimed a moment ago goes out and is
   * filed as sent, for the page was on its way when the acknowledgment
   * came.
   */
  private async cancelPending(escalationIds: string[]): Promise<void> {
    for (const id of escalationIds) {
      const pending = (await this.ledger.open(id)).filter(
        (e) => e.status === 'retry',
      );
      const updatedAt = this.clock.now().toISOString();
      const cancelled = await Promise.all(
        pending.map(async (e) => {
          const next: LedgerEntry = { ...e, status: 'cancelled', updatedAt };
          return (await this.ledger.claim(e, next)) ? next : undefined;
        }),
      );
      await this.ledger.record(
        cancelled.filter((e): e is LedgerEntry => e !== undefined),
      );
    }
  }

  private async retryDue(): Promise<void> {
    if (this.retrying) return;
    this.retrying = (async () => {
      const now = this.clock.now().getTime();
      const open = await this.ledger.open();
      const due = open.filter(
        (e) => e.status === 'retry' && Date.parse(e.nextAttemptAt ?? '') <= now,
      );
      await this.dispatcher.resend(due, (e) => e.delivery.attempt + 1);
      await this.resumeInterrupted(false, open);
      await this.dispatcher.reportLeftovers(LEFTOVER_AGE_MS);
    })()
      .catch((error) =>
        this.logger.warn({ error: String(error) }, 'retry pass failed'),
      )
      .finally(() => (this.retrying = undefined));
  }
}
