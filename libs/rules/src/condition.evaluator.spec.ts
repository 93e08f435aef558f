import { compileCondition } from './compile-condition';
import type { Truth } from './condition.types';
import { thresholdScope } from './threshold-scope';

const scope = thresholdScope({ limit: 10, window: '30 minutes' });

function evaluate(text: string, fields: Record<string, unknown>): Truth {
  return compileCondition(text, scope).evaluate(fields);
}

/** 1 is true, 0 is false, an absent field is unknown. */
function flags(a: Truth, b: Truth): Record<string, number> {
  const fields: Record<string, number> = {};
  if (a !== null) fields.a = a ? 1 : 0;
  if (b !== null) fields.b = b ? 1 : 0;
  return fields;
}

describe('three-valued logic', () => {
  it.each<[Truth, Truth, Truth, Truth]>([
    [true, true, true, true],
    [true, false, false, true],
    [true, null, null, true],
    [false, false, false, false],
    [false, null, false, null],
    [null, false, false, null],
    [null, true, null, true],
    [null, null, null, null],
  ])('a=%s b=%s: AND is %s, OR is %s', (a, b, and, or) => {
    expect(evaluate('a = 1 AND b = 1', flags(a, b))).toBe(and);
    expect(evaluate('a = 1 OR b = 1', flags(a, b))).toBe(or);
  });

  it('keeps NOT of unknown unknown', () => {
    expect(evaluate('NOT a = 1', {})).toBeNull();
    expect(evaluate('NOT a = 1', { a: 2 })).toBe(true);
  });

  it('makes a comparison with a null field unknown', () => {
    expect(evaluate('a != 1', { a: null })).toBeNull();
  });

  it('makes a field holding an object or array unknown', () => {
    expect(evaluate("labels = 'x'", { labels: { a: 'x' } })).toBeNull();
    expect(evaluate('tags IN [1]', { tags: [1] })).toBeNull();
  });
});

describe('comparing values of different kinds', () => {
  it('compares a numeric string field as a number', () => {
    expect(evaluate('count > 40', { count: '42' })).toBe(true);
    expect(evaluate('count = 42', { count: '42' })).toBe(true);
    expect(evaluate('count < 40', { count: ' 42.5 ' })).toBe(false);
  });

  it('compares a duration string field as seconds', () => {
    expect(evaluate('duration > 30 minutes', { duration: '45 minutes' })).toBe(
      true,
    );
    expect(evaluate('duration > 30 minutes', { duration: '2h' })).toBe(true);
    expect(evaluate('duration > 30 minutes', { duration: '10m' })).toBe(false);
    expect(evaluate('duration = 2700', { duration: '45 minutes' })).toBe(true);
  });

  it('compares two duration strings as seconds when ordering', () => {
    expect(evaluate('duration > window', { duration: '1 hour' })).toBe(true);
  });

  it('leaves ordering a word against a number unknown', () => {
    expect(evaluate('severity > 3', { severity: 'high' })).toBeNull();
    expect(evaluate('severity = 3', { severity: 'high' })).toBe(false);
    expect(evaluate('severity != 3', { severity: 'high' })).toBe(true);
  });

  it('matches strings exactly, case included', () => {
    expect(evaluate("state = 'stuck'", { state: 'stuck' })).toBe(true);
    expect(evaluate("state = 'Stuck'", { state: 'stuck' })).toBe(false);
    expect(evaluate("state = '42.0'", { state: '42' })).toBe(false);
  });

  it('never equates a boolean with a string or number', () => {
    expect(evaluate('flag = true', { flag: 'true' })).toBe(false);
    expect(evaluate('flag = 1', { flag: true })).toBe(false);
    expect(evaluate('flag > 0', { flag: true })).toBeNull();
  });
});

describe('IN lists', () => {
  it('compares a string field to each item', () => {
    expect(evaluate("s IN ['high', 'critical']", { s: 'critical' })).toBe(true);
    expect(evaluate("s IN ['high', 'critical']", { s: 'High' })).toBe(false);
    expect(evaluate("s NOT IN ['high', 'critical']", { s: 'low' })).toBe(true);
  });

  it('compares numeric items as numbers', () => {
    expect(evaluate('code IN [500, 503]', { code: '503' })).toBe(true);
  });

  it('is unknown, negated or not, when the field is missing', () => {
    expect(evaluate("s IN ['a']", {})).toBeNull();
    expect(evaluate("s NOT IN ['a']", {})).toBeNull();
  });
});

describe('bare boolean fields', () => {
  it.each<[unknown, Truth, Truth]>([
    [true, true, false],
    [false, false, true],
    [undefined, null, null],
    ['yes', false, true],
  ])('with %j, `x` is %s and `NOT x` is %s', (value, bare, negated) => {
    expect(evaluate('secrets_detected', { secrets_detected: value })).toBe(
      bare,
    );
    expect(evaluate('NOT secrets_detected', { secrets_detected: value })).toBe(
      negated,
    );
  });
});

describe('dotted paths', () => {
  const alert = {
    labels: { severity: 'critical', team: { name: 'payments' } },
    annotations: { summary: 'disk full' },
    details: { foo_bar: 3, hosts: ['a', 'b'] },
  };

  it.each<[string, Truth]>([
    ["labels.severity = 'critical'", true],
    ["labels.team.name = 'payments'", true],
    ["annotations.summary = 'disk full'", true],
    ['details.foo_bar >= 3', true],
    ["details.hosts.1 = 'b'", true],
    ["labels.missing = 'x'", null],
    ["labels.severity.level = 'x'", null],
    ["nothing.here = 'x'", null],
    ["labels.team = 'payments'", null],
  ])('%s is %s', (text, expected) => {
    expect(evaluate(text, alert)).toBe(expected);
  });

  it('does not read inherited properties', () => {
    expect(evaluate("labels.constructor = 'x'", alert)).toBeNull();
  });
});

describe('names and arithmetic', () => {
  it('reads a right-hand name from the scope', () => {
    expect(evaluate('x > limit * 1.5', { x: 16 })).toBe(true);
    expect(evaluate('x > limit * 1.5', { x: 15 })).toBe(false);
  });

  it('prefers an event field over a threshold of the same name', () => {
    expect(evaluate('x > limit', { x: 5, limit: 4 })).toBe(true);
  });

  it('takes a duration threshold as seconds in arithmetic', () => {
    expect(evaluate('x >= window / 2', { x: 900 })).toBe(true);
  });

  it('is unknown when dividing by zero', () => {
    expect(evaluate('x > limit / 0', { x: 1 })).toBeNull();
  });

  it('is unknown when arithmetic meets a word', () => {
    expect(evaluate('x < limit * 2', { x: 1, limit: 'many' })).toBeNull();
    expect(evaluate('x < -limit', { x: 1, limit: 'many' })).toBeNull();
  });
});
