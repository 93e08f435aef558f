import {
  ACCEPTED_AT,
  fixedIntakeContext,
} from '../../test/fixed-intake-context';
import { nestedObjects, nestedPath } from '../../test/nested-value';
import { MAX_BODY_DEPTH } from '../body-depth';
import { IntakeError } from '../intake.errors';
import { normalizeNativeEvent } from './normalize-native-event';
import { nativeFingerprint } from './native-fingerprint';

const qualityGate = {
  type: 'quality_gate',
  source: 'sonarqube',
  component: 'billing-api',
  severity: 'HIGH',
  quality_score: 65,
  secrets_detected: true,
  duration: '45 minutes',
  coverage: { lines: 71.5, branches: 60 },
};

function rejectionOf(body: unknown): IntakeError {
  try {
    normalizeNativeEvent(body, fixedIntakeContext());
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error('expected the event to be rejected');
}

describe('normalizeNativeEvent', () => {
  it('keeps metric fields as sent and adds the identity fields', () => {
    const event = normalizeNativeEvent(qualityGate, fixedIntakeContext());

    expect(event.fields).toEqual({
      type: 'quality_gate',
      source: 'sonarqube',
      component: 'billing-api',
      severity: 'high',
      quality_score: 65,
      secrets_detected: true,
      duration: '45 minutes',
      coverage: { lines: 71.5, branches: 60 },
    });
  });

  it('defaults to a trigger with a new id, accepted and occurring now', () => {
    const event = normalizeNativeEvent(qualityGate, fixedIntakeContext());

    expect(event).toMatchObject({
      id: 'new-1',
      action: 'trigger',
      severity: 'high',
      occurredAt: ACCEPTED_AT,
      acceptedAt: ACCEPTED_AT,
      fingerprint: nativeFingerprint(qualityGate),
    });
  });

  it('takes the envelope fields from the body, not into fields', () => {
    const body = {
      ...qualityGate,
      id: 'evt-42',
      occurred_at: '2024-05-06T07:08:09.5+02:00',
      fingerprint: 'billing-gate',
      summary: 'Quality gate failed',
      action: 'resolve',
    };

    const event = normalizeNativeEvent(body, fixedIntakeContext());

    expect(event).toMatchObject({
      id: expect.stringMatching(/^for:evt-42:[0-9a-f]{64}$/),
      occurredAt: '2024-05-06T05:08:09.500Z',
      fingerprint: 'billing-gate',
      summary: 'Quality gate failed',
      action: 'resolve',
    });
    expect(Object.keys(event.fields)).not.toContain('occurred_at');
    expect(Object.keys(event.fields)).not.toContain('action');
    expect(event.fields.client_id).toBe('evt-42');
  });

  it('has no client_id when the client sent no id', () => {
    const event = normalizeNativeEvent(qualityGate, fixedIntakeContext());

    expect(Object.keys(event.fields)).not.toContain('client_id');
  });

  it('maps a retry with the same id and body to the same event id', () => {
    const body = { id: 'same-1', ...qualityGate };
    const { coverage, ...rest } = body;
    const reordered = { coverage: { branches: 60, lines: 71.5 }, ...rest };

    const first = normalizeNativeEvent(body, fixedIntakeContext());
    const retry = normalizeNativeEvent(reordered, fixedIntakeContext());

    expect(coverage).toEqual(reordered.coverage);
    expect(retry.id).toBe(first.id);
  });

  it('keeps a different body under a reused id as a different event', () => {
    const first = { id: 'same-1', ...qualityGate, fingerprint: 'A' };
    const second = { ...first, component: 'second', fingerprint: 'B' };

    const ids = [first, second].map(
      (body) => normalizeNativeEvent(body, fixedIntakeContext()).id,
    );

    expect(ids[0]).not.toBe(ids[1]);
    expect(ids.every((id) => id.startsWith('for:same-1:'))).toBe(true);
  });

  it('accepts metrics nested up to the depth limit', () => {
    const body = { ...qualityGate, trace: nestedObjects(MAX_BODY_DEPTH - 1) };

    expect(normalizeNativeEvent(body, fixedIntakeContext()).fields.trace).toBe(
      body.trace,
    );
  });

  it('rejects a body nested deeper than the limit, naming where', () => {
    const body = { ...qualityGate, trace: nestedObjects(5_000) };

    expect(rejectionOf(body)).toMatchObject({
      code: 'BODY_TOO_DEEP',
      path: `/trace${nestedPath(MAX_BODY_DEPTH)}`,
      message: expect.stringContaining('nested deeper than 32 levels'),
    });
  });

  it('rejects a body that is not an object, pointing at the body', () => {
    const error = rejectionOf(['not', 'an', 'event']);

    expect(error).toMatchObject({ code: 'FIELD_TYPE', path: '' });
    expect(error.message).toBe('body must be an object');
  });

  it('rejects a missing component, pointing at the missing field', () => {
    const { component: _, ...body } = qualityGate;

    expect(rejectionOf(body)).toMatchObject({
      code: 'FIELD_REQUIRED',
      path: '/component',
      message: '/component is required',
    });
  });

  it('rejects a severity that is not a string', () => {
    const error = rejectionOf({ ...qualityGate, severity: 3 });

    expect(error).toMatchObject({ code: 'FIELD_TYPE', path: '/severity' });
  });

  it('rejects a blank required field', () => {
    const error = rejectionOf({ ...qualityGate, source: '  ' });

    expect(error).toMatchObject({ code: 'FIELD_INVALID', path: '/source' });
  });

  it.each([
    '2024-02-30T00:00:00Z',
    '2024-05-06 07:08:09Z',
    '2024-05-06T07:08:09',
    '2024-05-06T07:08:09+0200',
    'yesterday',
  ])('rejects occurred_at %p as not RFC 3339', (occurredAt) => {
    const error = rejectionOf({ ...qualityGate, occurred_at: occurredAt });

    expect(error).toMatchObject({
      code: 'FIELD_INVALID',
      path: '/occurred_at',
    });
  });

  it('rejects an unknown action and an over-long id', () => {
    expect(rejectionOf({ ...qualityGate, action: 'close' })).toMatchObject({
      code: 'FIELD_INVALID',
      path: '/action',
    });
    expect(rejectionOf({ ...qualityGate, id: 'x'.repeat(201) })).toMatchObject({
      code: 'FIELD_INVALID',
      path: '/id',
    });
  });
});
