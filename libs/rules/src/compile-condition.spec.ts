import { compileCondition } from './compile-condition';
import { ConditionError } from './condition.error';
import type { Truth } from './condition.types';
import { thresholdScope } from './threshold-scope';

const shippedThresholds = thresholdScope({
  sla_threshold: '4 hours',
  critical_threshold: 1000,
  approval_timeout_threshold: 10,
});

type Fields = Record<string, unknown>;

// Every `condition:` of design sections 2.1-2.3, plus the L0 executive_when.
const designConditions: Array<[string, Fields, Fields, Fields]> = [
  [
    "defect_severity = 'critical' AND defect_count >= 1",
    { defect_severity: 'critical', defect_count: 2 },
    { defect_severity: 'major', defect_count: 2 },
    { defect_severity: 'critical' },
  ],
  [
    'quality_score < 70% AND duration > 30 minutes',
    { quality_score: 65, duration: 2400 },
    { quality_score: 75, duration: 2400 },
    { quality_score: 65 },
  ],
  [
    'compliance_score < 85% OR critical_policy_violation = true',
    { compliance_score: 90, critical_policy_violation: true },
    { compliance_score: 90, critical_policy_violation: false },
    { compliance_score: 90 },
  ],
  [
    'failed_tests > 20% AND failure_rate_increasing = true',
    { failed_tests: 25, failure_rate_increasing: true },
    { failed_tests: 25, failure_rate_increasing: false },
    { failure_rate_increasing: true },
  ],
  [
    "vulnerability_severity IN ['high', 'critical']",
    { vulnerability_severity: 'high' },
    { vulnerability_severity: 'low' },
    {},
  ],
  [
    'secrets_detected = true OR credentials_leaked = true',
    { secrets_detected: true },
    { secrets_detected: false, credentials_leaked: false },
    { secrets_detected: false },
  ],
  [
    'unauthorized_access = true OR privilege_escalation = true',
    { unauthorized_access: false, privilege_escalation: true },
    { unauthorized_access: false, privilege_escalation: false },
    { privilege_escalation: false },
  ],
  [
    'review_cycle_time > sla_threshold * 1.5',
    { review_cycle_time: 21601 },
    { review_cycle_time: 21600 },
    {},
  ],
  [
    'queue_depth > critical_threshold AND duration > 45 minutes',
    { queue_depth: 1500, duration: '50 minutes' },
    { queue_depth: 1500, duration: 600 },
    { duration: 3600 },
  ],
  [
    'agent_failure_rate > 25% AND affected_agents >= 3',
    { agent_failure_rate: 30, affected_agents: 3 },
    { agent_failure_rate: 30, affected_agents: 2 },
    { agent_failure_rate: 30 },
  ],
  [
    'cpu_usage > 90% OR memory_usage > 95% AND duration > 15 minutes',
    { cpu_usage: 95 },
    { cpu_usage: 50, memory_usage: 99, duration: 60 },
    { cpu_usage: 50 },
  ],
  [
    "workflow_state = 'stuck' AND duration > 2 hours",
    { workflow_state: 'stuck', duration: 7201 },
    { workflow_state: 'running', duration: 9000 },
    { workflow_state: 'stuck' },
  ],
  [
    'pending_approvals > approval_timeout_threshold',
    { pending_approvals: 11 },
    { pending_approvals: 10 },
    { pending_approvals: null },
  ],
  [
    'integration_failures >= 3 AND failure_rate > 50%',
    { integration_failures: 3, failure_rate: 60 },
    { integration_failures: 3, failure_rate: 50 },
    { integration_failures: 3 },
  ],
  [
    "sla_compliance < 90% AND trend = 'declining'",
    { sla_compliance: 85, trend: 'declining' },
    { sla_compliance: 85, trend: 'stable' },
    { trend: 'declining' },
  ],
  ['major_breach = true', { major_breach: true }, { major_breach: false }, {}],
];

describe('compileCondition with the design conditions', () => {
  describe.each(designConditions)('%s', (text, truthy, falsy, unknown) => {
    const condition = compileCondition(text, shippedThresholds);

    it('keeps the text as written', () => {
      expect(condition.text).toBe(text);
    });

    it.each<[string, Fields, Truth]>([
      ['true', truthy, true],
      ['false', falsy, false],
      ['unknown', unknown, null],
    ])('is %s on a matching event', (_label, fields, expected) => {
      expect(condition.evaluate(fields)).toBe(expected);
    });
  });
});

describe('compileCondition name checks', () => {
  function compileError(text: string): ConditionError {
    try {
      compileCondition(text, shippedThresholds);
    } catch (error) {
      if (error instanceof ConditionError) return error;
      throw error;
    }
    throw new Error(`"${text}" compiled`);
  }

  it('rejects a right operand that is not a threshold', () => {
    const error = compileError('x > nosuch_threshold');

    expect(error.code).toBe('CONDITION_UNKNOWN_NAME');
    expect([error.offset, error.line, error.column]).toEqual([4, 1, 5]);
    expect(error.text).toBe('x > nosuch_threshold');
    expect(error.message).toContain('"nosuch_threshold"');
  });

  it('treats a name in arithmetic, even on the left, as a threshold', () => {
    const error = compileError('critical_threshold + backlog > 3');

    expect(error.code).toBe('CONDITION_UNKNOWN_NAME');
    expect(error.column).toBe(22);
    expect(compileError('queue_depth * 2 > 1').column).toBe(1);
  });

  it('rejects an unknown name on a later line', () => {
    const error = compileError('a = 1 AND\n  b > sla_treshold');

    expect([error.line, error.column, error.offset]).toEqual([2, 7, 16]);
  });

  it('does not check left operands, which are event fields', () => {
    const condition = compileCondition('never_sent_field > 3');

    expect(condition.evaluate({})).toBeNull();
    expect(condition.evaluate({ never_sent_field: 4 })).toBe(true);
  });

  it('reports a syntax error before an unknown name', () => {
    expect(compileError('x > nosuch_threshold AND').code).toBe(
      'CONDITION_SYNTAX',
    );
  });
});
