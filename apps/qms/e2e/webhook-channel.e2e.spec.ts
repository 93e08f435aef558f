import { appendFileSync, mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escalationFor, timelineTypes } from './support/escalation-waits';
import { holdsFor } from './support/poll';
import type { Escalation, QmsClient } from './support/qms-client';
import { clientOf, closeProcess, describeLocal } from './support/qms-target';
import { startQms, type QmsProcess } from './support/qms-process';
import { uniqueTag } from './support/samples';
import { writeTestConfig } from './support/test-config';

interface Hook {
  key: string;
  body: { escalationId: string; recipient: string; step: number };
}

/** A webhook receiver that fails the first attempt of every key. */
async function startReceiver(
  answer: (attempt: number, body: Hook['body']) => number,
) {
  const hooks: Hook[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const hook = {
        key: String(req.headers['idempotency-key']),
        body: JSON.parse(text),
      };
      hooks.push(hook);
      const attempt = hooks.filter((h) => h.key === hook.key).length;
      res.writeHead(answer(attempt, hook.body)).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    hooks,
    url: `http://127.0.0.1:${port}/hooks/T0K3N-SECRET`,
    close: () => server.close(),
  };
}

type Counts = { delivered: number; failed: number };
const delivered = (e: Escalation) => (e.notifications as Counts).delivered;
const failed = (e: Escalation) => (e.notifications as Counts).failed;

describeLocal('the webhook channel', () => {
  let qms: QmsProcess;
  let client: QmsClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const stubborn = new Set<string>();

  beforeAll(async () => {
    receiver = await startReceiver((attempt, body) =>
      stubborn.has(body.escalationId) || attempt === 1 ? 503 : 200,
    );
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-e2e-webhook-'));
    const config = writeTestConfig(dataDir, [
      // 9.1's preferences replace the primary tier of 4.1's priorities.
      [
        [
          'escalation_configuration',
          'notification_preferences',
          'channel_priorities',
          'l0_critical',
        ],
        ['webhook'],
      ],
    ]);
    appendFileSync(
      config,
      '\nchannels:\n  webhook:\n    url: "${QMS_E2E_HOOK_URL}"\n',
    );
    qms = await startQms({
      config,
      dataDir,
      env: { QMS_E2E_HOOK_URL: receiver.url },
    });
    client = clientOf(qms);
  });

  afterAll(async () => {
    if (qms) await closeProcess(qms);
    receiver?.close();
  });

  const secrets = (fingerprint: string) => ({
    type: 'secret_scan',
    source: 'gitleaks',
    component: 'hooked-repo',
    severity: 'critical',
    secrets_detected: true,
    fingerprint,
  });

  it('posts each page with its idempotency key and retries a failed one under the same key', async () => {
    const fingerprint = uniqueTag('webhook');
    await client.event(secrets(fingerprint));

    const escalation = await escalationFor(
      client,
      fingerprint,
      (e) => delivered(e) === e.steps[0].recipients.length,
      'every first-step page delivered',
    );
    const keys = escalation.steps[0].recipients.map(
      (r) => `${escalation.id}:0:0:${r}:webhook`,
    );
    const mine = receiver.hooks.filter(
      (h) => h.body.escalationId === escalation.id,
    );
    expect(new Set(mine.map((h) => h.key))).toEqual(new Set(keys));
    for (const key of keys)
      expect(mine.filter((h) => h.key === key)).toHaveLength(2);
    expect(timelineTypes(escalation)).toContain('NotificationFailed');
    expect(qms.output()).not.toContain('T0K3N-SECRET');
  });

  it('stops retrying once the escalation is acknowledged', async () => {
    const fingerprint = uniqueTag('webhook-ack');
    const reply = await client.event(secrets(fingerprint));
    expect(reply.status).toBe(202);
    const raised = await escalationFor(client, fingerprint);
    stubborn.add(raised.id);
    await escalationFor(
      client,
      fingerprint,
      (e) => failed(e) > 0,
      'a failed page',
    );

    await client.act(raised.id, 'acknowledge', { by: 'jane' });
    const posts = () =>
      receiver.hooks.filter((h) => h.body.escalationId === raised.id).length;
    const afterAck = posts();

    // Retries were due within ~1-2 s; none may follow the acknowledgment.
    await holdsFor(
      () =>
        posts() === afterAck
          ? undefined
          : `${posts() - afterAck} posts after the ack`,
      4000,
    );
  });
});
