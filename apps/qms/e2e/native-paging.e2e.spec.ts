import { escalationFor } from './support/escalation-waits';
import { expectedPages, linesOf, pages } from './support/outbox';
import { pollUntil } from './support/poll';
import type { QmsClient } from './support/qms-client';
import { openTarget, type QmsTarget } from './support/qms-target';
import { uniqueTag } from './support/samples';

describe('native events', () => {
  let target: QmsTarget;
  let qms: QmsClient;

  beforeAll(async () => {
    target = await openTarget();
    qms = target.client;
  });

  afterAll(() => target?.close());

  it('pages every first-step recipient of an exposed secret at L0', async () => {
    const fingerprint = uniqueTag('secrets');

    const reply = await qms.event({
      type: 'secret_scan',
      source: 'gitleaks',
      component: uniqueTag('repo'),
      severity: 'critical',
      secrets_detected: true,
      fingerprint,
    });

    expect(reply).toEqual({
      status: 202,
      body: { status: 'accepted', id: expect.any(String), fingerprint },
    });
    const escalation = await escalationFor(qms, fingerprint);
    expect(escalation).toMatchObject({
      level: 'L0_CRITICAL',
      levelLabel: 'L0',
      status: 'active',
      reasons: [{ rule: 'secrets_exposed', level: 'L0_CRITICAL' }],
    });
    const dataDir = target.process?.dataDir;
    if (!dataDir) return;
    const expected = expectedPages(escalation, 0);
    expect(expected.length).toBeGreaterThan(0);
    const written = await pollUntil(
      () => {
        const lines = linesOf(dataDir, escalation.id);
        return lines.length >= expected.length ? lines : undefined;
      },
      { what: `${expected.length} outbox lines for ${escalation.id}` },
    );
    expect(pages(written)).toEqual(expected);
  });

  it('stores an event that matches no rule without escalating it', async () => {
    const fingerprint = uniqueTag('quiet');

    const reply = await qms.event({
      type: 'build',
      source: 'ci',
      component: uniqueTag('service'),
      severity: 'info',
      fingerprint,
      build_minutes: 3,
    });

    expect(reply.status).toBe(202);
    const [signal] = await pollUntil(
      async () => {
        const found = await qms.signals(fingerprint);
        return found.length ? found : undefined;
      },
      { what: `the signal of ${fingerprint}` },
    );
    expect(signal).toMatchObject({ fingerprint, matched: [] });
    expect(await qms.escalations({ fingerprint })).toEqual([]);
  });
});
