import { escalationFor } from './support/escalation-waits';
import type { Escalation, QmsClient, Reply } from './support/qms-client';
import { holdsFor, pollUntil } from './support/poll';
import { openTarget, type QmsTarget } from './support/qms-target';
import { loadSample, uniqueTag } from './support/samples';

const ONE_MIB = 1024 * 1024;

/** What a refusal may not change: everything but delivery bookkeeping. */
function lifecycleOf(e: Escalation) {
  return {
    status: e.status,
    level: e.level,
    occurrences: e.occurrences,
    facts: (e.timeline ?? [])
      .filter((t) => !t.type.startsWith('Notification'))
      .map((t) => `${t.revision}:${t.type}`),
  };
}

describe('bad input is refused and stores nothing', () => {
  let target: QmsTarget;
  let qms: QmsClient;
  let earlier: Escalation;
  let signalsBefore: number;
  /** Every refused body carries this fingerprint, to look it up later. */
  const fingerprint = uniqueTag('refused');
  const valid = () => ({
    type: 'defect_report',
    source: 'e2e',
    component: 'refusals',
    severity: 'high',
    defect_severity: 'critical',
    defect_count: 2,
    fingerprint,
  });

  beforeAll(async () => {
    target = await openTarget();
    qms = target.client;
    const accepted = uniqueTag('accepted');
    await qms.event({ ...valid(), fingerprint: accepted });
    earlier = await escalationFor(qms, accepted);
    await pollUntil(
      async () => (await qms.signals(accepted)).length || undefined,
      {
        what: 'the accepted signal to be listed',
      },
    );
    signalsBefore = (await qms.signals()).length;
  });

  afterAll(() => target?.close());

  function expectRefusal(reply: Reply, status: number, code: string) {
    expect(reply).toEqual({
      status,
      body: {
        error: { code, message: expect.any(String), path: expect.any(String) },
      },
    });
  }

  it('refuses malformed JSON', async () => {
    const text = JSON.stringify(valid()).slice(0, -5);

    const reply = await qms.send('POST', `${qms.intake}/v1/events`, text);

    expectRefusal(reply, 400, 'MALFORMED_JSON');
  });

  it('names the field of a wrong type', async () => {
    const reply = await qms.event({ ...valid(), severity: 5 });

    expectRefusal(reply, 400, 'FIELD_TYPE');
    expect(reply.body.error.path).toBe('/severity');
  });

  it('names a missing field', async () => {
    const { component: _omitted, ...event } = valid();

    const reply = await qms.event(event);

    expectRefusal(reply, 400, 'FIELD_REQUIRED');
    expect(reply.body.error.path).toBe('/component');
  });

  it('answers an unknown endpoint with NOT_FOUND', async () => {
    const reply = await qms.send('POST', `${qms.intake}/v1/nowhere`, valid());

    expectRefusal(reply, 404, 'NOT_FOUND');
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = { ...valid(), padding: 'x'.repeat(ONE_MIB) };

    const reply = await qms.event(big);

    expectRefusal(reply, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const reply = await qms.send(
      'POST',
      `${qms.intake}/v1/events`,
      JSON.stringify(valid()),
      { 'content-type': 'text/plain' },
    );

    expectRefusal(reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a bad PagerDuty event the way PagerDuty does', async () => {
    const event = loadSample('pagerduty-events-v2-trigger');
    event.dedup_key = fingerprint;
    event.event_action = 'explode';
    delete event.payload.severity;

    const reply = await qms.pagerDuty(event);

    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      status: expect.any(String),
      message: expect.any(String),
      errors: expect.arrayContaining([expect.stringContaining('event_action')]),
    });
  });

  it('answers malformed JSON on the PagerDuty endpoint in PagerDuty shape', async () => {
    const text = '{"routing_key": "x", "event_action": ';

    const reply = await qms.send('POST', `${qms.intake}/v2/enqueue`, text);

    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      status: 'invalid event',
      message: expect.any(String),
      errors: [expect.any(String)],
    });
  });

  // Runs last: the refusals above must have left no trace.
  it('keeps no signal of a refused body and leaves earlier escalations alone', async () => {
    const now = (await qms.escalation(earlier.id)).body;

    expect(lifecycleOf(now)).toEqual(lifecycleOf(earlier));
    await holdsFor(async () => {
      const signals = await qms.signals(fingerprint);
      const raised = await qms.escalations({ fingerprint });
      return signals.length + raised.length
        ? `${signals.length} signals, ${raised.length} escalations stored`
        : undefined;
    }, 1000);
    if (target.process)
      expect((await qms.signals()).length).toBe(signalsBefore);
  });
});
