import {
  ACCEPTED_AT,
  fixedIntakeContext,
} from '../../test/fixed-intake-context';
import { loadSample } from '../../test/load-sample';
import { nestedObjects, nestedPath } from '../../test/nested-value';
import { MAX_BODY_DEPTH } from '../body-depth';
import { PagerDutyError } from '../intake.errors';
import { normalizePagerDutyEvent } from './normalize-pagerduty-event';

const normalize = (body: unknown) =>
  normalizePagerDutyEvent(body, fixedIntakeContext());

function rejectionOf(body: unknown): PagerDutyError {
  try {
    normalize(body);
  } catch (error) {
    if (error instanceof PagerDutyError) return error;
    throw error;
  }
  throw new Error('expected the event to be rejected');
}

describe('normalizePagerDutyEvent', () => {
  it('normalises a trigger, its dedup_key as fingerprint', () => {
    const event = normalize(loadSample('pagerduty-events-v2-trigger'));

    expect(event).toEqual({
      id: 'new-1',
      type: 'deploy',
      source: 'pagerduty',
      component: 'postgres',
      severity: 'info',
      action: 'trigger',
      fingerprint: 'samplekeyhere',
      summary: 'Example alert on host1.example.com',
      occurredAt: '2015-07-17T08:42:58.315Z',
      acceptedAt: ACCEPTED_AT,
      fields: {
        details: { 'ping time': '1500ms', 'load avg': 0.75 },
        severity: 'info',
        type: 'deploy',
        source: 'pagerduty',
        pd_source:
          'monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003',
        component: 'postgres',
        group: 'prod-datapipe',
        class: 'deploy',
      },
    });
  });

  it('never copies the routing key into the event', () => {
    const body = loadSample('pagerduty-events-v2-trigger');
    body.routing_key = 'R0UT1NGKEY0000000000000000000042';

    expect(JSON.stringify(normalize(body))).not.toContain(body.routing_key);
  });

  it('gives a trigger without dedup_key a new one', () => {
    const body = loadSample('pagerduty-events-v2-trigger');
    delete body.dedup_key;

    expect(normalize(body)).toMatchObject({
      id: 'new-1',
      fingerprint: 'new-2',
    });
  });

  it('falls back to pagerduty_event and the payload source', () => {
    const body = loadSample('pagerduty-events-v2-trigger');
    delete body.payload.class;
    delete body.payload.component;
    delete body.payload.timestamp;

    const event = normalize(body);

    expect(event.type).toBe('pagerduty_event');
    expect(event.component).toBe(body.payload.source);
    expect(event.occurredAt).toBe(ACCEPTED_AT);
  });

  it.each([
    ['acknowledge', 'pagerduty-events-v2-acknowledge'],
    ['resolve', 'pagerduty-events-v2-resolve'],
  ])('normalises %s by dedup_key alone', (action, sample) => {
    const event = normalize(loadSample(sample));

    expect(event).toMatchObject({
      action,
      source: 'pagerduty',
      fingerprint: 'dedupkeyhere',
      type: 'pagerduty_event',
      severity: 'none',
      occurredAt: ACCEPTED_AT,
    });
    expect(JSON.stringify(event)).not.toContain('routingkeyhere');
  });

  it('ignores the payload of a resolve, as PagerDuty does', () => {
    const body = loadSample('pagerduty-events-v2-resolve');
    body.payload = { severity: 'fatal' };

    expect(normalize(body).action).toBe('resolve');
  });

  it('rejects a resolve without dedup_key the way PagerDuty answers', () => {
    const body = loadSample('pagerduty-events-v2-resolve');
    delete body.dedup_key;

    const error = rejectionOf(body);

    expect(error).toMatchObject({ code: 'FIELD_REQUIRED', path: '/dedup_key' });
    expect(error.body).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: ["'dedup_key' is required"],
    });
  });

  it('rejects a severity PagerDuty does not know', () => {
    const body = loadSample('pagerduty-events-v2-trigger');
    body.payload.severity = 'Critical';

    const error = rejectionOf(body);

    expect(error).toMatchObject({
      code: 'FIELD_INVALID',
      path: '/payload/severity',
    });
    expect(error.body.errors).toEqual([
      "'payload.severity' must be one of critical, error, warning, info",
    ]);
  });

  it('lists every problem, never quoting the routing key', () => {
    const body = loadSample('pagerduty-events-v2-trigger');
    body.routing_key = 'R0UT1NGKEY0000000000000000000042';
    body.event_action = 'trigger';
    body.payload = { summary: '', source: 7, custom_details: 'x' };

    const error = rejectionOf(body);

    expect(error.body.errors).toEqual(
      expect.arrayContaining([
        "'payload.severity' is required",
        "'payload.summary' must not be blank",
        "'payload.source' must be a string",
        "'payload.custom_details' must be an object",
      ]),
    );
    expect(error.body.errors).toHaveLength(4);
    const text = JSON.stringify([error.message, error.body]);
    expect(text).not.toContain(body.routing_key);
  });

  it('rejects a trigger without payload and an unknown event_action', () => {
    const trigger = loadSample('pagerduty-events-v2-trigger');
    delete trigger.payload;
    const unknown = { ...loadSample('pagerduty-events-v2-resolve') };
    unknown.event_action = 'snooze';

    expect(rejectionOf(trigger).path).toBe('/payload');
    expect(rejectionOf(unknown).path).toBe('/event_action');
  });

  it('rejects a timestamp that is not ISO 8601', () => {
    const body = loadSample('pagerduty-events-v2-trigger');
    body.payload.timestamp = '17/07/2015 08:42';

    expect(rejectionOf(body).path).toBe('/payload/timestamp');
  });

  it('rejects custom_details nested deeper than the limit', () => {
    const body = loadSample('pagerduty-events-v2-trigger');
    body.payload.custom_details = nestedObjects(5_000);
    const tooDeep = nestedPath(MAX_BODY_DEPTH - 1);

    const error = rejectionOf(body);

    expect(error).toMatchObject({
      code: 'BODY_TOO_DEEP',
      path: `/payload/custom_details${tooDeep}`,
    });
    expect(error.body.errors).toEqual([
      `'payload.custom_details${tooDeep.replace(/\//g, '.')}' ` +
        `is nested deeper than ${MAX_BODY_DEPTH} levels`,
    ]);
  });

  it('rejects a body that is not an object', () => {
    const error = rejectionOf(null);

    expect(error).toMatchObject({ code: 'FIELD_TYPE', path: '' });
    expect(error.body.errors).toEqual(['Event must be an object']);
  });
});
