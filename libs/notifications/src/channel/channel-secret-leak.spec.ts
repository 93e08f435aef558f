import type { ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogChannel } from '../log/log.channel';
import { WebhookChannel } from '../webhook/webhook.channel';
import {
  startReceiver,
  type WebhookReceiver,
} from '../webhook/webhook-receiver.fixture';
import type { SendResult } from './channel.types';
import { aDelivery } from './delivery.fixture';

/**
 * Makes every channel fail in every way it can and checks that the secret
 * never reaches a result or the console. A new channel adds its failures.
 */
const SECRET = 'T0K3N-SECRET';
const clock = () => new Date('2025-03-01T10:05:00.000Z');

describe('no channel leaks a secret when it fails', () => {
  let receiver: WebhookReceiver;
  let tmp: string;
  const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map(
    (method) => jest.spyOn(console, method).mockImplementation(() => undefined),
  );

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'qms-leak-'));
    receiver = await startReceiver((req, res) => answer(req.path, res));
  });

  afterAll(async () => {
    await receiver.close();
    rmSync(tmp, { recursive: true, force: true });
    consoleSpies.forEach((spy) => spy.mockRestore());
  });

  /** Each path of the receiver fails in its own way, echoing the secret. */
  function answer(path: string, res: ServerResponse): void {
    const echo = { 'X-Echo': path, Location: `${path}/again` };
    if (path.includes('/hang')) return;
    if (path.includes('/drop')) return void res.socket?.destroy();
    if (path.includes('/loop')) return void res.writeHead(302, echo).end();
    const status = Number(/\/(\d{3})\//.exec(path)?.[1] ?? 500);
    res.writeHead(status, { ...echo, 'Retry-After': '5' }).end(path);
  }

  function webhookTo(path: string, headers: Record<string, string> = {}) {
    const url = `${receiver.url}${path}`;
    return new WebhookChannel({ url, timeoutMs: 300, headers }, clock);
  }

  const send = (channel: WebhookChannel | LogChannel, address?: string) =>
    channel.send(aDelivery(address ? { address } : {}));
  const anyWebhook = new WebhookChannel(undefined, clock);

  const failures: Array<[string, string, () => Promise<SendResult>]> = [
    [
      'HTTP 500',
      'WEBHOOK_UNAVAILABLE',
      () => send(webhookTo(`/500/${SECRET}`)),
    ],
    ['HTTP 400', 'WEBHOOK_REJECTED', () => send(webhookTo(`/400/${SECRET}`))],
    [
      'HTTP 429',
      'WEBHOOK_UNAVAILABLE',
      () => send(webhookTo(`/429/${SECRET}`)),
    ],
    ['timeout', 'WEBHOOK_TIMEOUT', () => send(webhookTo(`/hang/${SECRET}`))],
    [
      'socket dropped',
      'WEBHOOK_NETWORK_ERROR',
      () => send(webhookTo(`/drop/${SECRET}`)),
    ],
    [
      'redirect loop',
      'WEBHOOK_NETWORK_ERROR',
      () => send(webhookTo(`/loop/${SECRET}`)),
    ],
    [
      'nothing listens',
      'WEBHOOK_NETWORK_ERROR',
      () => refusedWebhook().then((webhook) => send(webhook)),
    ],
    [
      'address override answers 503',
      'WEBHOOK_UNAVAILABLE',
      () => send(anyWebhook, `${receiver.url}/503/${SECRET}`),
    ],
    [
      'unparseable URL',
      'WEBHOOK_INVALID_URL',
      () => send(anyWebhook, `http://[bad/hooks/${SECRET}`),
    ],
    [
      'credentials in the URL',
      'WEBHOOK_INVALID_URL',
      () => send(anyWebhook, `http://u:${SECRET}@127.0.0.1:9/hooks`),
    ],
    [
      'unencodable configured header',
      'WEBHOOK_INVALID_REQUEST',
      () => send(webhookTo('/200', { Authorization: `${SECRET}\nX: y` })),
    ],
    [
      'outbox closed',
      'OUTBOX_UNAVAILABLE',
      () => closedLog().then((log) => send(log)),
    ],
  ];

  it.each(failures)('%s: %s, without the secret', async (_, code, fail) => {
    const result = await fail();

    expect(result).toMatchObject({ code });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    for (const spy of consoleSpies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(SECRET);
    }
  });

  async function refusedWebhook(): Promise<WebhookChannel> {
    const gone = await startReceiver(() => undefined);
    await gone.close();
    const url = `${gone.url}/hooks/${SECRET}`;
    return new WebhookChannel({ url, timeoutMs: 300, headers: {} }, clock);
  }

  async function closedLog(): Promise<LogChannel> {
    const log = new LogChannel(join(tmp, SECRET, 'outbox.jsonl'), clock);
    await log.close();
    return log;
  }
});
