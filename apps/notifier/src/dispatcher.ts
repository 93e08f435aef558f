import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { commandMessage, type EscalationCommand } from '@qms/domain';
import { randomUUID } from 'node:crypto';
import {
  nextRetryDelayMs,
  type Channel,
  type Delivery,
  type SendResult,
} from '@qms/notifications';
import type { Metrics, Tracing } from '@qms/observability';
import type { Clock, Logger, MessageBus, OutgoingMessage } from '@qms/ports';
import {
  SEND_LEASE_MS,
  type DeliveryLedger,
  type LedgerEntry,
} from './delivery-ledger';

/** Sends in flight at once; each chunk is claimed just before it goes. */
const SEND_CHUNK = 50;

/**
 * Sends deliveries through their channels: ledger "sending" first, then
 * the send, then the settled ledger entry and the outcome command back to
 * the escalation. Retryable failures are scheduled in the ledger, not
 * retried inline, so an acknowledgment can cancel them. Each send is a
 * `notify <channel>` span under the page request's trace; its outcome
 * command carries that span on.
 */
export class Dispatcher {
  constructor(
    private readonly channels: ReadonlyMap<string, Channel>,
    private readonly ledger: DeliveryLedger,
    private readonly bus: MessageBus,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    private readonly instanceId: string,
    private readonly tracing: Tracing,
  ) {}

  /**
   * Deliveries seen for the first time: this instance owns them. A chunk
   * is recorded "sending" just before it goes out, so a long batch never
   * outlives the lease of entries still waiting their turn (a peer would
   * take them over and page a second time).
   */
  async dispatch(deliveries: Delivery[]): Promise<void> {
    for (const chunk of chunks(deliveries)) {
      await this.ledger.record(chunk.map((d) => this.entry(d, 'sending')));
      await this.sendAll(chunk);
    }
  }

  /**
   * Ledger entries to send again (due retries, orphaned sends): each is
   * claimed first, and only the claims this instance won are sent. A key
   * found settled meanwhile is not sent again.
   */
  async resend(
    entries: LedgerEntry[],
    attempt: (e: LedgerEntry) => number,
  ): Promise<void> {
    const unsettled = await this.ledger.dropSettled(entries);
    for (const chunk of chunks(unsettled)) {
      const won = await Promise.all(
        chunk.map(async (e) => {
          const delivery = { ...e.delivery, attempt: attempt(e) };
          return (await this.ledger.claim(e, this.entry(delivery, 'sending')))
            ? delivery
            : undefined;
        }),
      );
      await this.sendAll(won.filter((d): d is Delivery => d !== undefined));
    }
  }

  /**
   * Sends, then records every outcome. A page that failed for good on
   * another channel is not lost: it goes to the `log` channel instead,
   * recorded "sending" in the same ledger write, so a crash resumes it.
   */
  private async sendAll(deliveries: Delivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const sent = await Promise.all(deliveries.map((d) => this.traced(d)));
    const settled = deliveries.map((d, i) => this.settle(d, sent[i].result));
    const failedForGood = deliveries.filter(
      (d, i) => d.channel !== 'log' && settled[i].entry.status === 'failed',
    );
    const fallbacks = failedForGood.map(logFallback);
    const outcomes = settled.map((s, i) =>
      commandMessage(s.command, sent[i].traceparent),
    );
    await this.ledger.record(
      [
        ...settled.map((s) => s.entry),
        ...fallbacks.map((f) => this.entry(f, 'sending')),
      ],
      outcomes,
      this.clock.now(),
    );
    await this.report(outcomes);
    for (const f of fallbacks) {
      this.metrics.notifications.inc({
        channel: f.channel,
        outcome: 'fallback',
      });
      const fields = { escalationId: f.escalationId, recipient: f.recipient };
      this.logger.error(
        fields,
        'page failed for good; sending it on the log channel',
      );
    }
    await this.sendAll(fallbacks);
  }

  /**
   * Publishes outcomes recorded in the ledger and then forgets them. A
   * bus that refuses them now (a broker restart) is not this send's
   * failure: they stay recorded and `reportLeftovers` publishes them.
   */
  private async report(outcomes: OutgoingMessage[]): Promise<void> {
    if (outcomes.length === 0) return;
    try {
      await this.bus.publish(outcomes);
    } catch (error) {
      const fields = { count: outcomes.length, error: String(error) };
      this.logger.warn(fields, 'publishing delivery outcomes failed; kept');
      return;
    }
    await this.ledger.reported(outcomes.map((m) => m.id));
  }

  /**
   * Outcomes left unpublished by a bus outage or a crash, older than
   * `minAgeMs` (younger ones are being reported by their sender). A
   * second publication by a peer is harmless: the command id repeats.
   */
  async reportLeftovers(minAgeMs: number): Promise<void> {
    const before = this.clock.now().getTime() - minAgeMs;
    const left = await this.ledger.unreported();
    const old = left.filter((o) => Date.parse(o.recordedAt) <= before);
    for (const chunk of chunks(old))
      await this.report(chunk.map((o) => o.message));
  }

  private traced(d: Delivery) {
    const attributes = {
      'qms.escalation.id': d.escalationId,
      'qms.notification.channel': d.channel,
      'qms.notification.attempt': d.attempt,
    };
    return this.tracing.inSpan(
      `notify ${d.channel}`,
      d.traceparent,
      { kind: SpanKind.CLIENT, attributes },
      async (traceparent, span) => {
        const result = await this.send(d);
        span.setAttribute('qms.notification.outcome', result.outcome);
        if (result.outcome !== 'delivered')
          span.setStatus({ code: SpanStatusCode.ERROR, message: result.code });
        return { result, traceparent };
      },
    );
  }

  private async send(d: Delivery): Promise<SendResult> {
    const channel = this.channels.get(d.channel);
    const result: SendResult = channel
      ? await channel.send(d)
      : {
          outcome: 'permanent',
          code: 'CHANNEL_UNAVAILABLE',
          reason: `channel ${d.channel} is not configured`,
        };
    this.metrics.notifications.inc({
      channel: d.channel,
      outcome: result.outcome,
    });
    const fields = {
      escalationId: d.escalationId,
      channel: d.channel,
      recipient: d.recipient,
      attempt: d.attempt,
      outcome: result.outcome,
    };
    if (result.outcome === 'delivered') {
      if (d.attempt === 1 && d.step === 0 && d.repeat === 0 && d.acceptedAt) {
        this.metrics.observeSinceAccepted('notification_sent', d.acceptedAt);
      }
      this.logger.debug(fields, 'notification delivered');
    } else {
      this.logger.warn({ ...fields, code: result.code }, 'notification failed');
    }
    return result;
  }

  private settle(d: Delivery, result: SendResult) {
    const now = this.clock.now();
    const base = {
      commandId: `outcome:${d.key}:${d.attempt}`,
      escalationId: d.escalationId,
      now: now.toISOString(),
    };
    const ref = {
      key: d.key,
      channel: d.channel,
      recipient: d.recipient,
      step: d.step,
      repeat: d.repeat,
      attempt: d.attempt,
    };
    if (result.outcome === 'delivered') {
      const detail = d.message.fallback
        ? `template fallback: ${d.message.fallback.code}`
        : result.detail;
      const command: EscalationCommand = {
        type: 'RecordDeliveryOutcome',
        ...base,
        ...ref,
        outcome: 'delivered',
        detail,
      };
      return { entry: this.entry(d, 'sent'), command };
    }
    const delay =
      result.outcome === 'retryable' ? nextRetryDelayMs(d.attempt) : undefined;
    const retryAt =
      delay === undefined
        ? undefined
        : new Date(now.getTime() + Math.max(delay, result.retryAfterMs ?? 0));
    const command: EscalationCommand = {
      type: 'RecordDeliveryOutcome',
      ...base,
      ...ref,
      outcome: 'failed',
      code: result.code,
      reason: result.reason,
      final: !retryAt,
    };
    const entry = retryAt
      ? { ...this.entry(d, 'retry'), nextAttemptAt: retryAt.toISOString() }
      : this.entry(d, 'failed');
    return { entry, command };
  }

  private entry(d: Delivery, status: LedgerEntry['status']): LedgerEntry {
    const now = this.clock.now();
    const lease =
      status === 'sending'
        ? {
            owner: this.instanceId,
            leaseUntil: new Date(now.getTime() + SEND_LEASE_MS).toISOString(),
          }
        : {};
    return {
      ...lease,
      key: d.key,
      escalationId: d.escalationId,
      status,
      delivery: d,
      updatedAt: now.toISOString(),
      nonce: randomUUID(),
    };
  }
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SEND_CHUNK)
    out.push(items.slice(i, i + SEND_CHUNK));
  return out;
}

/** The same page on the `log` channel, under that channel's own key. */
function logFallback(d: Delivery): Delivery {
  const key = [d.escalationId, d.step, d.repeat, d.recipient, 'log'].join(':');
  return { ...d, key, channel: 'log', attempt: 1, address: undefined };
}
