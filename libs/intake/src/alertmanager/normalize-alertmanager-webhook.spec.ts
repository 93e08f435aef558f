import {
  ACCEPTED_AT,
  fixedIntakeContext,
} from '../../test/fixed-intake-context';
import { loadSample } from '../../test/load-sample';
import { nestedObjects, nestedPath } from '../../test/nested-value';
import { MAX_BODY_DEPTH } from '../body-depth';
import { IntakeError } from '../intake.errors';
import { normalizeAlertmanagerWebhook } from './normalize-alertmanager-webhook';

const normalize = (body: unknown, source?: 'alertmanager' | 'grafana') =>
  normalizeAlertmanagerWebhook(body, fixedIntakeContext({ source }));

function rejectionOf(body: unknown): IntakeError {
  try {
    normalize(body);
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error('expected the webhook to be rejected');
}

describe('normalizeAlertmanagerWebhook', () => {
  it('turns a grouped webhook into one event per alert', () => {
    const body = loadSample('alertmanager-webhook-firing-grouped');

    const events = normalize(body);

    // Computed as Alertmanager does, from each alert's label set.
    expect(events.map((event) => event.fingerprint)).toEqual([
      'e8c2cd9bc0addfe4',
      '5ecb47c7a6b6e294',
      '44389289135780ac',
    ]);
    expect(events[0]).toMatchObject({
      id: 'for:e8c2cd9bc0addfe4:firing:2019-09-27T16:27:56.612666101Z',
      type: 'ICMP ping failed',
      source: 'alertmanager',
      component: 'blackbox-icmp',
      severity: 'major',
      action: 'trigger',
      summary: '192.0.2.30 does not reply to ICMP pings',
      occurredAt: '2019-09-27T16:27:56.612Z',
      acceptedAt: ACCEPTED_AT,
    });
  });

  it('exposes labels, annotations and the alert times as fields', () => {
    const [event] = normalize(loadSample('alertmanager-webhook-firing-single'));

    expect(event.fields).toEqual({
      labels: { alertname: 'Fire', severity: 'critical' },
      annotations: { message: 'Something is on fire' },
      generatorURL:
        'http://localhost:9090/graph?g0.expr=vector%28666%29&g0.tab=1',
      status: 'firing',
      alertname: 'Fire',
      severity: 'critical',
      type: 'Fire',
      source: 'alertmanager',
      component: 'Fire',
      startsAt: '2018-11-04T22:43:58.283995108+01:00',
      endsAt: '2018-11-04T22:46:58.283995108+01:00',
    });
    expect(event.summary).toBe('Something is on fire');
  });

  it('resolves a resolved alert, occurring when it ended', () => {
    const body = loadSample('alertmanager-webhook-resolved-single');

    const [event] = normalize(body);

    expect(event).toMatchObject({
      action: 'resolve',
      fingerprint: '88cbf0084cf27726',
      occurredAt: '2018-11-04T21:48:13.283Z',
    });
  });

  it('maps a re-sent webhook to the same event ids', () => {
    const body = loadSample('alertmanager-webhook-firing-grouped');

    const first = normalize(body).map((event) => event.id);
    const again = normalize(structuredClone(body)).map((event) => event.id);

    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('takes Grafana alerts with their own fingerprints as source grafana', () => {
    const body = loadSample('grafana-alerting-webhook-firing-grouped');

    const events = normalize(body, 'grafana');

    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      source: 'grafana',
      fingerprint: 'bc97ff14869b13e3',
      type: 'High CPU usage',
      component: 'High CPU usage',
      severity: 'none',
      summary: 'This alert was triggered for zone eu-1',
      occurredAt: '2021-10-12T07:56:03.157Z',
    });
    expect(events[0].fields.source).toBe('grafana');
  });

  it("falls back to acceptance time for Go's zero start", () => {
    const body = loadSample('alertmanager-webhook-firing-single');
    body.alerts[0].startsAt = '0001-01-01T00:00:00Z';

    expect(normalize(body)[0].occurredAt).toBe(ACCEPTED_AT);
  });

  it('falls back to acceptance time for an unreadable end', () => {
    const body = loadSample('alertmanager-webhook-resolved-single');
    body.alerts[0].endsAt = 'soon';

    expect(normalize(body)[0].occurredAt).toBe(ACCEPTED_AT);
  });

  it('gives a firing after a resolve a new event id', () => {
    const firing = loadSample('alertmanager-webhook-firing-single');
    const resolved = loadSample('alertmanager-webhook-resolved-single');
    const refiring = loadSample('alertmanager-webhook-firing-single');
    refiring.alerts[0].startsAt = '2018-11-04T22:55:00.000000001+01:00';

    const ids = [firing, resolved, refiring].map((body) => normalize(body)[0]);

    expect(new Set(ids.map((event) => event.fingerprint)).size).toBe(1);
    expect(new Set(ids.map((event) => event.id)).size).toBe(3);
  });

  it('prefers service, then job, then instance as the component', () => {
    const body = loadSample('alertmanager-webhook-firing-grouped');
    body.alerts[0].labels.service = 'pinger';
    delete body.alerts[1].labels.job;

    const [first, second] = normalize(body);

    expect(first.component).toBe('pinger');
    expect(second.component).toBe('192.0.2.50');
  });

  it('rejects a body that is not an object', () => {
    expect(rejectionOf('firing')).toMatchObject({
      code: 'FIELD_TYPE',
      path: '',
    });
  });

  it('rejects a webhook without alerts', () => {
    const { alerts: _, ...body } = loadSample(
      'alertmanager-webhook-firing-single',
    );

    expect(rejectionOf(body)).toMatchObject({
      code: 'FIELD_REQUIRED',
      path: '/alerts',
    });
  });

  it('rejects an alert whose labels are not an object', () => {
    const body = loadSample('alertmanager-webhook-firing-grouped');
    body.alerts[1].labels = 'alertname=ICMP';

    expect(rejectionOf(body)).toMatchObject({
      code: 'FIELD_TYPE',
      path: '/alerts/1/labels',
    });
  });

  it('rejects a label value that is not a string', () => {
    const body = loadSample('alertmanager-webhook-firing-grouped');
    body.alerts[2].labels.instance = 66;

    expect(rejectionOf(body)).toMatchObject({
      code: 'FIELD_TYPE',
      path: '/alerts/2/labels/instance',
    });
  });

  it('rejects an alert status other than firing or resolved', () => {
    const body = loadSample('alertmanager-webhook-resolved-single');
    body.alerts[0].status = 'pending';

    const error = rejectionOf(body);

    expect(error).toMatchObject({
      code: 'FIELD_INVALID',
      path: '/alerts/0/status',
      message: '/alerts/0/status must be one of firing, resolved',
    });
  });

  it('rejects an alert without startsAt, naming the alert', () => {
    const body = loadSample('alertmanager-webhook-firing-grouped');
    delete body.alerts[2].startsAt;

    expect(rejectionOf(body)).toMatchObject({
      code: 'FIELD_REQUIRED',
      path: '/alerts/2/startsAt',
    });
  });

  it.each(['yesterday', '2018-11-04 22:43:58Z', '', '2018-11-04T22:43:58'])(
    'rejects startsAt %p as not RFC 3339',
    (startsAt) => {
      const body = loadSample('alertmanager-webhook-resolved-single');
      body.alerts[0].startsAt = startsAt;

      expect(rejectionOf(body)).toMatchObject({
        code: 'FIELD_INVALID',
        path: '/alerts/0/startsAt',
        message: '/alerts/0/startsAt must be an RFC 3339 date-time',
      });
    },
  );

  it('rejects a webhook nested deeper than the limit, naming where', () => {
    const body = loadSample('alertmanager-webhook-firing-single');
    body.commonAnnotations = nestedObjects(5_000);

    expect(rejectionOf(body)).toMatchObject({
      code: 'BODY_TOO_DEEP',
      path: `/commonAnnotations${nestedPath(MAX_BODY_DEPTH)}`,
    });
  });

  it('rejects an alert without an alertname label', () => {
    const body = loadSample('alertmanager-webhook-firing-single');
    delete body.alerts[0].labels.alertname;

    expect(rejectionOf(body)).toMatchObject({
      code: 'FIELD_REQUIRED',
      path: '/alerts/0/labels/alertname',
    });
  });
});
