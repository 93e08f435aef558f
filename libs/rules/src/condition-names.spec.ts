import { ConditionError } from './condition.error';
import { conditionNames } from './condition-names';

describe('conditionNames', () => {
  it('splits left-operand fields from referenced thresholds', () => {
    expect(conditionNames('review_cycle_time > sla_threshold * 1.5')).toEqual({
      fields: ['review_cycle_time'],
      references: ['sla_threshold'],
    });
  });

  it('lists each name once, in the order written', () => {
    const text =
      'queue_depth > critical_threshold AND duration > 45 minutes' +
      ' OR duration > critical_threshold OR secrets_detected' +
      " OR labels.severity IN ['high']";

    expect(conditionNames(text)).toEqual({
      fields: [
        'queue_depth',
        'duration',
        'secrets_detected',
        'labels.severity',
      ],
      references: ['critical_threshold'],
    });
  });

  it('counts names inside arithmetic on the left as references', () => {
    expect(conditionNames('a + b > 1')).toEqual({
      fields: [],
      references: ['a', 'b'],
    });
  });

  it('throws a ConditionError on a syntax error', () => {
    expect(() => conditionNames('a >')).toThrow(ConditionError);
  });
});
