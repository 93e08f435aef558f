import type { ServerResponse } from 'node:http';
import { aDelivery } from '../channel/delivery.fixture';
import { WebhookChannel } from './webhook.channel';
import {
  startReceiver,
  type WebhookReceiver,
} from './webhook-receiver.fixture';

const clock = () => new Date('2025-03-01T10:05:00.000Z');
const delivery = aDelivery({
  key: 'esc-1:1:0:qa_lead:webhook',
  channel: 'webhook',
});

describe('WebhookChannel', () => {
  let receiver: WebhookReceiver;
  let status = 200;
  let extraHeaders: Record<string, string> = {};

  beforeAll(async () => {
    receiver = await startReceiver((req, res) => {
      if (req.path.startsWith('/hang')) return;
      reply(res, status, extraHeaders);
    });
  });

  afterAll(() => receiver.close());

  beforeEach(() => {
    receiver.requests.length = 0;
    status = 200;
    extraHeaders = {};
  });

  function webhook(path = '/hooks/team', timeoutMs = 2_000): WebhookChannel {
    const headers = { Authorization: 'Bearer abc', 'Idempotency-Key': 'x' };
    return new WebhookChannel(
      { url: receiver.url + path, timeoutMs, headers },
      clock,
    );
  }

  it('posts the notification as JSON and answers delivered on 2xx', async () => {
    status = 202;

    const result = await webhook().send(delivery);

    expect(result).toEqual({ outcome: 'delivered', detail: 'HTTP 202' });
    const [request] = receiver.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/hooks/team');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['authorization']).toBe('Bearer abc');
    expect(JSON.parse(request.body)).toEqual({
      key: 'esc-1:1:0:qa_lead:webhook',
      escalationId: 'esc-1',
      level: 'L1_IMMEDIATE',
      step: 1,
      repeat: 0,
      recipient: 'qa_lead',
      subject: 'Quality Alert: <b>critical</b> & more',
      summary: 'Quality score dropped to 62%',
      body: 'line one\nline two',
      sentAt: '2025-03-01T10:05:00.000Z',
    });
  });

  it('sends the delivery key as Idempotency-Key, over a configured one', async () => {
    await webhook().send(delivery);

    expect(receiver.requests[0].headers['idempotency-key']).toBe(
      'esc-1:1:0:qa_lead:webhook',
    );
  });

  it('posts to the stakeholder address when the delivery has one', async () => {
    await webhook().send({ ...delivery, address: `${receiver.url}/hooks/own` });

    expect(receiver.requests.map((r) => r.path)).toEqual(['/hooks/own']);
  });

  it.each([500, 503, 408, 425, 429])(
    'answers retryable on %i',
    async (code) => {
      status = code;

      const result = await webhook().send(delivery);

      expect(result).toMatchObject({
        outcome: 'retryable',
        code: 'WEBHOOK_UNAVAILABLE',
        reason: `the receiver answered HTTP ${code}`,
      });
    },
  );

  it('passes Retry-After on as retryAfterMs', async () => {
    status = 429;
    extraHeaders = { 'Retry-After': '30' };

    const result = await webhook().send(delivery);

    expect(result).toMatchObject({
      outcome: 'retryable',
      retryAfterMs: 30_000,
    });
  });

  it.each([400, 401, 404, 410])('answers permanent on %i', async (code) => {
    status = code;

    const result = await webhook().send(delivery);

    expect(result).toMatchObject({
      outcome: 'permanent',
      code: 'WEBHOOK_REJECTED',
    });
  });

  it('answers retryable when the receiver does not answer in time', async () => {
    const result = await webhook('/hang', 100).send(delivery);

    expect(result).toEqual({
      outcome: 'retryable',
      code: 'WEBHOOK_TIMEOUT',
      reason: 'no answer within 100 ms',
    });
  });

  it('answers retryable when nothing listens', async () => {
    const closed = await startReceiver((_, res) => reply(res, 200, {}));
    await closed.close();
    const channel = new WebhookChannel(
      { url: `${closed.url}/hooks`, timeoutMs: 2_000, headers: {} },
      clock,
    );

    const result = await channel.send(delivery);

    expect(result).toMatchObject({
      outcome: 'retryable',
      code: 'WEBHOOK_NETWORK_ERROR',
      reason: 'the request failed (ECONNREFUSED)',
    });
  });

  it('answers permanent when no URL is configured for the recipient', async () => {
    const result = await new WebhookChannel(undefined, clock).send(delivery);

    expect(result).toMatchObject({
      outcome: 'permanent',
      code: 'WEBHOOK_NOT_CONFIGURED',
    });
  });
});

function reply(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
  res.end('ok');
}
