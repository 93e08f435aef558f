import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  escalationFor,
  escalationUntil,
  timelineTypes,
} from './support/escalation-waits';
import { expectedPages, linesOf, pages } from './support/outbox';
import { holdsFor, pollUntil } from './support/poll';
import type { Escalation, QmsClient } from './support/qms-client';
import { clientOf, closeProcess, describeLocal } from './support/qms-target';
import { startQms, type QmsProcess } from './support/qms-process';
import { uniqueTag } from './support/samples';
import { fastL0, writeTestConfig } from './support/test-config';

const REPEAT_MS = 2000;

describeLocal('an unacknowledged escalation climbs its chain', () => {
  let qms: QmsProcess;
  let client: QmsClient;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qms-e2e-climb-'));
    const config = writeTestConfig(
      dataDir,
      fastL0('2 seconds', 'every 2 seconds until acknowledged'),
    );
    qms = await startQms({ config, dataDir });
    client = clientOf(qms);
  });

  afterAll(() => qms && closeProcess(qms));

  const secretsEvent = (fingerprint: string) => ({
    type: 'secret_scan',
    source: 'gitleaks',
    component: 'climb-repo',
    severity: 'critical',
    secrets_detected: true,
    fingerprint,
  });

  /** The pages requested before the acknowledgment, from the timeline. */
  function requestedBeforeAck(e: Escalation): string[] {
    const timeline = e.timeline ?? [];
    const ackAt = timeline.findIndex(
      (t) => t.type === 'EscalationAcknowledged',
    );
    return timeline
      .slice(0, ackAt)
      .filter((t) => t.type === 'NotificationRequested')
      .flatMap((t) =>
        (t.detail.recipients as string[]).map(
          (r) => `${t.detail.step}:${t.detail.repeat}:${r}`,
        ),
      );
  }

  it('pages the secondary step, stops at acknowledgment, reopens, then starts anew after close', async () => {
    const fingerprint = uniqueTag('climb');
    await client.event(secretsEvent(fingerprint));
    const raised = await escalationFor(client, fingerprint);
    expect(raised.steps.map((s) => s.name)).toEqual(['primary', 'secondary']);

    const climbed = await pollUntil(
      () => {
        const lines = linesOf(qms.dataDir, raised.id);
        const step1 = lines.filter((l) => l.step === 1 && l.repeat === 0);
        return step1.length >= raised.steps[1].recipients.length
          ? step1
          : undefined;
      },
      { what: 'the step-1 (secondary) pages in the outbox' },
    );
    expect(pages(climbed)).toEqual(expectedPages(raised, 1));

    const ack = await client.act(raised.id, 'acknowledge', { by: 'e2e' });
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');

    await holdsFor(async () => {
      const now = (await client.escalation(raised.id)).body;
      const types = timelineTypes(now);
      const after = types.slice(types.indexOf('EscalationAcknowledged'));
      if (after.includes('NotificationRequested'))
        return 'a page was requested after the acknowledgment';
      const allowed = new Set(requestedBeforeAck(now));
      const late = pages(linesOf(qms.dataDir, raised.id)).filter(
        (p) => !allowed.has(p),
      );
      return late.length ? `pages after the ack: ${late}` : undefined;
    }, 3 * REPEAT_MS);

    const resolved = await client.act(raised.id, 'resolve', { note: 'fixed' });
    expect(resolved.body.status).toBe('resolved');

    await client.event(secretsEvent(fingerprint));
    const reopened = await escalationUntil(
      client,
      raised.id,
      (e) => e.status === 'active',
      'reopened',
    );
    expect(timelineTypes(reopened)).toContain('EscalationReopened');
    expect(await client.escalations({ fingerprint })).toHaveLength(1);

    expect((await client.act(raised.id, 'resolve')).body.status).toBe(
      'resolved',
    );
    const closed = await client.act(raised.id, 'close', { by: 'e2e' });
    expect(closed.body.status).toBe('closed');

    await client.event(secretsEvent(fingerprint));
    const successor = await escalationFor(
      client,
      fingerprint,
      (e) => e.id !== raised.id,
      'a new escalation',
    );
    expect(successor.status).toBe('active');
    expect((await client.escalation(raised.id)).body.status).toBe('closed');
  });
});
