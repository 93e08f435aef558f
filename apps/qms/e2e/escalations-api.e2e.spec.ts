import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  escalationFor,
  escalationUntil,
  timelineTypes,
} from './support/escalation-waits';
import { pollUntil } from './support/poll';
import type { Escalation, QmsClient } from './support/qms-client';
import { openTarget, type QmsTarget } from './support/qms-target';
import { uniqueTag } from './support/samples';

/** Sum of the samples of `name` whose labels include `labels`. */
function metric(text: string, name: string, labels = ''): number | undefined {
  const samples = text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .filter((l) => labels.split(',').every((pair) => l.includes(pair)));
  if (samples.length === 0) return undefined;
  return samples.reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

describe('the escalations API', () => {
  let target: QmsTarget;
  let qms: QmsClient;
  const component = uniqueTag('api-component');
  let l0: Escalation;
  let l1: Escalation;

  const secrets = (fingerprint: string) => ({
    type: 'secret_scan',
    source: 'e2e',
    component,
    severity: 'critical',
    secrets_detected: true,
    fingerprint,
  });
  const defects = (fingerprint: string) => ({
    type: 'defect_report',
    source: 'e2e',
    component,
    severity: 'critical',
    defect_severity: 'critical',
    defect_count: 1,
    fingerprint,
  });

  beforeAll(async () => {
    target = await openTarget();
    qms = target.client;
    const [a, b] = [uniqueTag('api-l0'), uniqueTag('api-l1')];
    await Promise.all([qms.event(secrets(a)), qms.event(defects(b))]);
    [l0, l1] = await Promise.all([
      escalationFor(qms, a),
      escalationFor(qms, b),
    ]);
    const ack = await qms.act(l1.id, 'acknowledge', { by: 'e2e' });
    expect(ack.body.status).toBe('acknowledged');
  });

  afterAll(() => target?.close());

  const ids = (items: Escalation[]) => items.map((e) => e.id).sort();

  it('filters by component, status and level (short or full id)', async () => {
    expect(ids(await qms.escalations({ component }))).toEqual(
      [l0.id, l1.id].sort(),
    );
    expect(ids(await qms.escalations({ component, status: 'active' }))).toEqual(
      [l0.id],
    );
    expect(
      ids(await qms.escalations({ component, status: 'acknowledged' })),
    ).toEqual([l1.id]);
    for (const level of ['L0', 'L0_CRITICAL']) {
      expect(ids(await qms.escalations({ component, level }))).toEqual([l0.id]);
    }
    expect(ids(await qms.escalations({ component, level: 'L1' }))).toEqual([
      l1.id,
    ]);
    const listed = await qms.escalations({ component, level: 'L1' });
    expect(listed[0]).not.toHaveProperty('timeline');
  });

  it('refuses an unknown filter value', async () => {
    const url = `${qms.api}/v1/escalations?level=L9`;

    const reply = await qms.send('GET', url);

    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 'INVALID_QUERY',
      path: '/query/level',
    });
  });

  it('answers 404 for an unknown escalation, read or acted on', async () => {
    const id = randomUUID();

    const read = await qms.escalation(id);
    const acted = await qms.act(id, 'acknowledge');

    for (const reply of [read, acted]) {
      expect(reply.status).toBe(404);
      expect(reply.body.error).toMatchObject({
        code: 'ESCALATION_NOT_FOUND',
        message: expect.any(String),
        path: expect.any(String),
      });
    }
  });

  it('refuses to acknowledge a resolved escalation with 409', async () => {
    const fingerprint = uniqueTag('api-409');
    await qms.event(defects(fingerprint));
    const raised = await escalationFor(qms, fingerprint);
    expect((await qms.act(raised.id, 'resolve')).body.status).toBe('resolved');

    const reply = await qms.act(raised.id, 'acknowledge');

    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({
      code: 'ESCALATION_NOT_OPEN',
      message: expect.any(String),
    });
    expect((await qms.act(raised.id, 'resolve')).status).toBe(409);
  });

  it('reopens a resolved escalation, and raises a new one after close', async () => {
    const fingerprint = uniqueTag('api-lifecycle');
    await qms.event(defects(fingerprint));
    const first = await escalationFor(qms, fingerprint);
    await qms.act(first.id, 'resolve');

    await qms.event(defects(fingerprint));
    const reopened = await escalationUntil(
      qms,
      first.id,
      (e) => e.status === 'active',
      'reopened',
    );

    expect(timelineTypes(reopened)).toContain('EscalationReopened');
    expect(reopened.occurrences).toBe(2);
    await qms.act(first.id, 'resolve');
    expect((await qms.act(first.id, 'close')).body.status).toBe('closed');

    await qms.event(defects(fingerprint));
    const second = await escalationFor(
      qms,
      fingerprint,
      (e) => e.id !== first.id,
      'a successor',
    );

    expect(second.status).toBe('active');
    expect(await qms.escalations({ fingerprint })).toHaveLength(2);
  });

  it('hands signals racing a close on to one successor, counting each once', async () => {
    for (let round = 0; round < 6; round++) {
      const fingerprint = uniqueTag('api-race');
      await qms.event(defects(fingerprint));
      const first = await escalationFor(qms, fingerprint);

      const closing = qms.act(first.id, 'close');
      await sleep((round % 3) * 4);
      await Promise.all(
        [1, 2, 3, 4].map(() => qms.event(defects(fingerprint))),
      );
      await closing;

      const counted = await pollUntil(
        async () => {
          const all = await qms.escalations({ fingerprint });
          const total = all.reduce((n, e) => n + e.occurrences, 0);
          return total >= 5 ? all : undefined;
        },
        { what: `five occurrences of ${fingerprint}` },
      );
      expect(counted.reduce((n, e) => n + e.occurrences, 0)).toBe(5);
      expect(counted.length).toBeLessThanOrEqual(2);
      expect(
        counted.filter((e) => e.status !== 'closed').length,
      ).toBeLessThanOrEqual(1);
    }
  });

  it('exposes intake, escalation, notification and latency metrics', async () => {
    const text = await pollUntil(
      async () => {
        const body = await qms.metrics();
        const delivered = metric(
          body,
          'qms_notifications_total',
          'channel="log",outcome="delivered"',
        );
        return delivered ? body : undefined;
      },
      { what: 'a delivered notification in /metrics' },
    );

    expect(metric(text, 'qms_events_accepted_total')).toBeGreaterThan(0);
    expect(
      metric(text, 'qms_escalations', 'level="L0",status="active"'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      metric(text, 'qms_processing_latency_seconds_bucket'),
    ).toBeGreaterThan(0);
  });
});
