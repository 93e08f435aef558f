import type { RenderedNotification } from '../template/rendered-notification';

/**
 * One send of one notification. `key` is the idempotency key (escalation,
 * step, repeat, recipient, channel); `attempt` counts retries of that key
 * and is not part of it.
 */
export interface Delivery {
  key: string;
  escalationId: string;
  step: number;
  repeat: number;
  /** Stakeholder id, never a contact. */
  recipient: string;
  channel: string;
  attempt: number;
  level: string;
  message: RenderedNotification;
  /** Per-stakeholder address override, e.g. a team's webhook URL. */
  address?: string;
  /** When our server accepted the signal that raised the escalation. */
  acceptedAt?: string;
  /** W3C traceparent of the page request; its sends are child spans. */
  traceparent?: string;
}

/**
 * What a channel answers. `code` is stable; `reason` is for people and never
 * holds a secret (webhook URL, token, phone, e-mail).
 */
export type SendResult =
  | { outcome: 'delivered'; detail?: string }
  | {
      outcome: 'retryable' | 'permanent';
      code: string;
      reason: string;
      /** The receiver's Retry-After, when it sent one. */
      retryAfterMs?: number;
    };

/** `send` never throws: every failure is a retryable or permanent result. */
export interface Channel {
  readonly name: string;
  send(delivery: Delivery): Promise<SendResult>;
}
