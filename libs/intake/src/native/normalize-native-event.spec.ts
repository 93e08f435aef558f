import {
  ACCEPTED_AT,
  fixedIntakeContext,
} from '../../test/fixed-intake-context';
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
      id: 'evt-42',
      occurredAt: '2024-05-06T05:08:09.500Z',
      fingerprint: 'billing-gate',
      summary: 'Quality gate failed',
      action: 'resolve',
    });
    expect(Object.keys(event.fields)).not.toContain('occurred_at');
    expect(Object.keys(event.fields)).not.toContain('action');
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
