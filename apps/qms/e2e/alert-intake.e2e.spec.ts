import {
  countOf,
  escalationFor,
  timelineTypes,
} from './support/escalation-waits';
import { linesOf } from './support/outbox';
import { holdsFor } from './support/poll';
import type { QmsClient, Reply } from './support/qms-client';
import { openTarget, type QmsTarget } from './support/qms-target';
import { loadSample, tagWebhook, uniqueTag } from './support/samples';

/** How long "nothing more happens" is watched for. */
const QUIET_MS = 1500;

describe('alerts from Alertmanager, Grafana and PagerDuty', () => {
  let target: QmsTarget;
  let qms: QmsClient;

  beforeAll(async () => {
    target = await openTarget();
    qms = target.client;
  });

  afterAll(() => target?.close());

  const fingerprintsOf = (reply: Reply): string[] =>
    reply.body.events.map((e: { fingerprint: string }) => e.fingerprint);

  it('raises one escalation per alert of a grouped webhook, once', async () => {
    const webhook = tagWebhook(
      loadSample('alertmanager-webhook-firing-grouped'),
      uniqueTag(),
    );

    const first = await qms.alertmanager(webhook);

    expect(first.status).toBe(202);
    const fingerprints = fingerprintsOf(first);
    expect(new Set(fingerprints).size).toBe(3);
    const raised = await Promise.all(
      fingerprints.map((fp) => escalationFor(qms, fp)),
    );
    expect(raised.map((e) => e.fingerprint)).toEqual(fingerprints);
    expect(raised.map((e) => e.source)).toEqual(Array(3).fill('alertmanager'));

    const again = await qms.alertmanager(webhook);

    expect(again.status).toBe(202);
    expect(fingerprintsOf(again)).toEqual(fingerprints);
    await holdsFor(async () => {
      for (const [i, fp] of fingerprints.entries()) {
        const found = await qms.escalations({ fingerprint: fp });
        if (found.length !== 1 || found[0].id !== raised[i].id)
          return `${fp} has ${found.length} escalations`;
        if (found[0].occurrences !== 1)
          return `${fp} counted ${found[0].occurrences} occurrences`;
      }
      return undefined;
    }, QUIET_MS);
  });

  it('resolves the escalation of a firing alert when its resolve comes', async () => {
    const tag = uniqueTag();
    const firing = tagWebhook(
      loadSample('alertmanager-webhook-firing-single'),
      tag,
    );
    const resolved = tagWebhook(
      loadSample('alertmanager-webhook-resolved-single'),
      tag,
    );
    const [fingerprint] = fingerprintsOf(await qms.alertmanager(firing));
    const raised = await escalationFor(qms, fingerprint);
    expect(raised.status).toBe('active');

    const reply = await qms.alertmanager(resolved);

    expect(reply.status).toBe(202);
    expect(fingerprintsOf(reply)).toEqual([fingerprint]);
    const done = await escalationFor(
      qms,
      fingerprint,
      (e) => e.status === 'resolved',
      'a resolved escalation',
    );
    expect(done.id).toBe(raised.id);
  });

  it('takes a resolve sent twice without error, recording it once', async () => {
    const tag = uniqueTag();
    await qms.alertmanager(
      tagWebhook(loadSample('alertmanager-webhook-firing-single'), tag),
    );
    const resolved = tagWebhook(
      loadSample('alertmanager-webhook-resolved-single'),
      tag,
    );
    const [fingerprint] = fingerprintsOf(await qms.alertmanager(resolved));
    const done = await escalationFor(
      qms,
      fingerprint,
      (e) => e.status === 'resolved',
      'a resolved escalation',
    );

    const again = await qms.alertmanager(resolved);

    expect(again.status).toBe(202);
    await holdsFor(async () => {
      const now = (await qms.escalation(done.id)).body;
      if (now.status !== 'resolved') return `status became ${now.status}`;
      if (countOf(now, 'EscalationResolved') !== 1)
        return `resolved ${countOf(now, 'EscalationResolved')} times`;
      if (countOf(now, 'EscalationResolveRepeated') > 1)
        return 'the repeat was recorded more than once';
      return undefined;
    }, QUIET_MS);
  });

  it('records an alert whose resolve came first as resolved, paging nobody', async () => {
    const tag = uniqueTag();
    const resolved = tagWebhook(
      loadSample('alertmanager-webhook-resolved-single'),
      tag,
    );
    const firing = tagWebhook(
      loadSample('alertmanager-webhook-firing-single'),
      tag,
    );
    expect(Date.parse(firing.alerts[0].startsAt)).toBeLessThan(
      Date.parse(resolved.alerts[0].endsAt),
    );

    const early = await qms.alertmanager(resolved);
    const late = await qms.alertmanager(firing);

    expect([early.status, late.status]).toEqual([202, 202]);
    const [fingerprint] = fingerprintsOf(late);
    const escalation = await escalationFor(qms, fingerprint);
    expect(escalation.status).toBe('resolved');
    expect(timelineTypes(escalation)).toEqual([
      'EscalationRaised',
      'EscalationResolved',
    ]);
    const dataDir = target.process?.dataDir;
    if (dataDir) {
      await holdsFor(() => {
        const lines = linesOf(dataDir, escalation.id);
        return lines.length ? `${lines.length} outbox lines` : undefined;
      }, QUIET_MS);
    }
  });

  it('raises escalations from a grouped Grafana webhook', async () => {
    const webhook = tagWebhook(
      loadSample('grafana-alerting-webhook-firing-grouped'),
      uniqueTag(),
    );

    const reply = await qms.grafana(webhook);

    expect(reply.status).toBe(202);
    const sent = webhook.alerts.map(
      (a: { fingerprint: string }) => a.fingerprint,
    );
    expect(fingerprintsOf(reply)).toEqual(sent);
    for (const fingerprint of sent) {
      const escalation = await escalationFor(qms, fingerprint);
      expect(escalation).toMatchObject({
        source: 'grafana',
        status: 'active',
        level: 'L3_STANDARD',
      });
    }
  });

  it('follows a PagerDuty incident through acknowledge and resolve', async () => {
    const dedupKey = uniqueTag('pd');
    const trigger = { ...loadSample('pagerduty-events-v2-trigger') };
    trigger.dedup_key = dedupKey;

    const triggered = await qms.pagerDuty(trigger);

    expect(triggered).toEqual({
      status: 202,
      body: {
        status: 'success',
        message: expect.any(String),
        dedup_key: dedupKey,
      },
    });
    const raised = await escalationFor(qms, dedupKey);
    expect(raised).toMatchObject({ source: 'pagerduty', status: 'active' });

    const ack = { ...loadSample('pagerduty-events-v2-acknowledge') };
    ack.dedup_key = dedupKey;
    expect((await qms.pagerDuty(ack)).status).toBe(202);
    await escalationFor(
      qms,
      dedupKey,
      (e) => e.id === raised.id && e.status === 'acknowledged',
      'an acknowledged escalation',
    );

    const resolve = { ...loadSample('pagerduty-events-v2-resolve') };
    resolve.dedup_key = dedupKey;
    expect((await qms.pagerDuty(resolve)).status).toBe(202);
    await escalationFor(
      qms,
      dedupKey,
      (e) => e.id === raised.id && e.status === 'resolved',
      'a resolved escalation',
    );
  });

  it('gives a PagerDuty trigger without dedup_key one, and escalates it', async () => {
    const trigger = loadSample('pagerduty-events-v2-trigger');
    delete trigger.dedup_key;
    trigger.payload.component = uniqueTag('pd-component');

    const reply = await qms.pagerDuty(trigger);

    expect(reply.status).toBe(202);
    expect(reply.body.dedup_key).toEqual(expect.any(String));
    const raised = await escalationFor(qms, reply.body.dedup_key);
    expect(raised.component).toBe(trigger.payload.component);
  });
});
