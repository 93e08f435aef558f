import type { WebhookChannelConfig } from '@qms/config';
import type { Channel, Delivery, SendResult } from '../channel/channel.types';
import { classifyResponse } from './webhook-response';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The `webhook` channel: one JSON POST per delivery to the stakeholder's
 * address or else the configured URL, with an `Idempotency-Key` header so a
 * resend after a crash can be recognised by the receiver.
 * No URL ever appears in a result: it may embed a token.
 */
export class WebhookChannel implements Channel {
  readonly name = 'webhook';

  constructor(
    private readonly config: WebhookChannelConfig | undefined,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(delivery: Delivery): Promise<SendResult> {
    const url = delivery.address ?? this.config?.url;
    if (!url) {
      return permanent(
        'WEBHOOK_NOT_CONFIGURED',
        'no webhook URL for recipient',
      );
    }
    if (!isUsableUrl(url)) {
      const reason = 'the webhook URL is not http(s) without credentials';
      return permanent('WEBHOOK_INVALID_URL', reason);
    }

    let request: RequestInit;
    try {
      request = this.request(delivery);
    } catch {
      const reason = 'a header or the body cannot be encoded';
      return permanent('WEBHOOK_INVALID_REQUEST', reason);
    }
    return this.post(url, request);
  }

  private async post(url: string, request: RequestInit): Promise<SendResult> {
    const timeoutMs = this.config?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      const response = await fetch(url, { ...request, signal });
      // The body is never read: it could echo the URL.
      await response.body?.cancel().catch(() => undefined);
      const retryAfter = response.headers.get('retry-after');
      return classifyResponse(response.status, retryAfter, this.clock());
    } catch (error) {
      return failedRequest(error, timeoutMs);
    }
  }

  /** Our headers win over configured ones with the same name. */
  private request(d: Delivery): RequestInit {
    const headers = new Headers(this.config?.headers ?? {});
    headers.set('Content-Type', 'application/json');
    headers.set('Idempotency-Key', d.key);
    const body = {
      key: d.key,
      escalationId: d.escalationId,
      level: d.level,
      step: d.step,
      repeat: d.repeat,
      recipient: d.recipient,
      subject: d.message.subject,
      summary: d.message.summary,
      body: d.message.body,
      sentAt: this.clock().toISOString(),
    };
    return { method: 'POST', headers, body: JSON.stringify(body) };
  }
}

/** Error messages from fetch can quote the URL: only names and codes pass. */
function failedRequest(error: unknown, timeoutMs: number): SendResult {
  // Duck-typed: the DOMException of a timeout is not always `instanceof Error`.
  const { name, cause } = (error ?? {}) as {
    name?: unknown;
    cause?: { code?: unknown };
  };
  if (name === 'TimeoutError' || name === 'AbortError') {
    const reason = `no answer within ${timeoutMs} ms`;
    return { outcome: 'retryable', code: 'WEBHOOK_TIMEOUT', reason };
  }
  const code = typeof cause?.code === 'string' ? cause.code : 'unknown';
  const reason = `the request failed (${code.replace(/[^A-Z0-9_]/gi, '')})`;
  return { outcome: 'retryable', code: 'WEBHOOK_NETWORK_ERROR', reason };
}

function permanent(code: string, reason: string): SendResult {
  return { outcome: 'permanent', code, reason };
}

/** fetch refuses credentials in a URL; say so once instead of retrying. */
function isUsableUrl(text: string): boolean {
  try {
    const url = new URL(text);
    const http = url.protocol === 'http:' || url.protocol === 'https:';
    return http && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
