import { loadConfig } from '@qms/config';
import type { QmsEvent } from '@qms/domain';
import { join } from 'node:path';
import { evaluateSignal } from './evaluate-signal';

const config = loadConfig(join(__dirname, '../../../config/qms.yaml'), {});

function event(
  fields: Record<string, unknown>,
  over: Partial<QmsEvent> = {},
): QmsEvent {
  const base = {
    type: 'scan',
    source: 'gitleaks',
    component: 'payments',
    severity: 'critical',
    ...over,
  };
  const { type, source, component, severity } = base;
  return {
    id: 'ev-1',
    fingerprint: 'fp-1',
    action: 'trigger',
    occurredAt: '2026-01-01T00:00:00.000Z',
    acceptedAt: '2026-01-01T00:00:00.000Z',
    ...base,
    fields: { type, source, component, severity, ...fields },
  };
}

describe('evaluateSignal with the shipped config', () => {
  it('raises exposed secrets to L0 with the rule stakeholders first', () => {
    const result = evaluateSignal(event({ secrets_detected: true }), config);
    expect(result.level).toBe('L0_CRITICAL');
    expect(result.reasons).toEqual([
      { rule: 'secrets_exposed', level: 'L0_CRITICAL' },
    ]);
    const [primary, secondary] = result.policy!.steps;
    expect(primary.recipients.slice(0, 2)).toEqual([
      'security_lead',
      'devops_lead',
    ]);
    expect(primary.recipients).toContain('on_call_engineer');
    expect(secondary.name).toBe('secondary');
    expect(result.policy!.ackTimeoutSec).toBe(60);
  });

  it('pages executives at L0 only on a major breach', () => {
    const plain = evaluateSignal(event({ secrets_detected: true }), config);
    expect(plain.policy!.steps.map((s) => s.name)).toEqual([
      'primary',
      'secondary',
    ]);
    const major = evaluateSignal(
      event({ secrets_detected: true, major_breach: true }),
      config,
    );
    expect(major.policy!.steps.map((s) => s.name)).toContain('executive');
  });

  it('keeps every matching rule as a reason and lets the most severe win', () => {
    const result = evaluateSignal(
      event({ secrets_detected: true, vulnerability_severity: 'high' }),
      config,
    );
    expect(result.level).toBe('L0_CRITICAL');
    expect(result.reasons.map((r) => r.rule).sort()).toEqual([
      'secrets_exposed',
      'security_vulnerability_high',
    ]);
  });

  it('maps integration severities to levels by rule', () => {
    const am = (severity: string) =>
      evaluateSignal(event({}, { source: 'alertmanager', severity }), config)
        .level;
    expect(am('critical')).toBe('L1_IMMEDIATE');
    expect(am('major')).toBe('L2_URGENT');
    expect(am('none')).toBe('L3_STANDARD');
  });

  it('matches nothing for an unremarkable native event', () => {
    const result = evaluateSignal(
      event({ quality_score: 95 }, { severity: 'info' }),
      config,
    );
    expect(result).toEqual({ event: expect.anything(), reasons: [] });
  });

  it('passes resolve signals through without evaluating', () => {
    const result = evaluateSignal(
      event({ secrets_detected: true }, { action: 'resolve' }),
      config,
    );
    expect(result.reasons).toEqual([]);
  });
});
