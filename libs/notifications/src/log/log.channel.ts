import type { Channel, Delivery, SendResult } from '../channel/channel.types';
import { OutboxFile } from './outbox-file';

/** One line of `outbox.jsonl`; the field set is a contract for readers. */
export interface OutboxLine {
  key: string;
  escalationId: string;
  step: number;
  repeat: number;
  recipient: string;
  channel: 'log';
  level: string;
  subject: string;
  summary: string;
  body: string;
  acceptedAt: string | null;
  writtenAt: string;
}

/**
 * The `log` channel: one durable JSON line per idempotency key in the
 * outbox file. A key already in the file (also from before a restart) is
 * not written again and answers delivered, `duplicate-skipped`.
 */
export class LogChannel implements Channel {
  readonly name = 'log';
  private readonly outbox: OutboxFile;

  /** Throws OutboxUnavailableError when the file cannot be opened. */
  constructor(
    file: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.outbox = OutboxFile.open(file);
  }

  async send(delivery: Delivery): Promise<SendResult> {
    try {
      const outcome = await this.outbox.append(
        delivery.key,
        this.line(delivery),
      );
      if (outcome === 'duplicate') {
        return { outcome: 'delivered', detail: 'duplicate-skipped' };
      }
      return { outcome: 'delivered' };
    } catch {
      return {
        outcome: 'retryable',
        code: 'OUTBOX_UNAVAILABLE',
        reason: 'the outbox file could not be written; restart to reopen it',
      };
    }
  }

  /** Waits for pending lines to be durable, then closes the file. */
  close(): Promise<void> {
    return this.outbox.close();
  }

  private line(d: Delivery): OutboxLine {
    return {
      key: d.key,
      escalationId: d.escalationId,
      step: d.step,
      repeat: d.repeat,
      recipient: d.recipient,
      channel: 'log',
      level: d.level,
      subject: d.message.subject,
      summary: d.message.summary,
      body: d.message.body,
      acceptedAt: d.acceptedAt ?? null,
      writtenAt: this.clock().toISOString(),
    };
  }
}
