import type { ConditionNode, ValueNode } from './condition.ast';
import { ConditionError } from './condition.error';
import { parseCondition, parseDurationSeconds } from './condition.parser';

/** The tree as an s-expression, so precedence reads at a glance. */
function shape(node: ConditionNode | ValueNode): string {
  switch (node.kind) {
    case 'name':
      return node.name;
    case 'literal':
      return JSON.stringify(node.value);
    case 'not':
    case 'negate':
      return `(${node.kind} ${shape(node.operand)})`;
    case 'in': {
      const items = JSON.stringify(node.items);
      const op = node.negated ? 'not-in' : 'in';
      return `(${op} ${shape(node.left)} ${items})`;
    }
    case 'and':
    case 'or':
      return `(${node.kind} ${shape(node.left)} ${shape(node.right)})`;
    default:
      return `(${node.op} ${shape(node.left)} ${shape(node.right)})`;
  }
}

const parsed = (text: string) => shape(parseCondition(text));

function syntaxError(text: string): ConditionError {
  try {
    parseCondition(text);
  } catch (error) {
    if (error instanceof ConditionError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseCondition precedence', () => {
  it('binds AND tighter than OR (the design system_overload)', () => {
    expect(
      parsed('cpu_usage > 90% OR memory_usage > 95% AND duration > 15 minutes'),
    ).toBe('(or (> cpu_usage 90) (and (> memory_usage 95) (> duration 900)))');
  });

  it('binds NOT tighter than AND', () => {
    expect(parsed('NOT a = 1 AND b = 2')).toBe('(and (not (= a 1)) (= b 2))');
  });

  it('lets parentheses regroup', () => {
    expect(parsed('(a = 1 OR b = 2) AND NOT (c = 3 OR d = 4)')).toBe(
      '(and (or (= a 1) (= b 2)) (not (or (= c 3) (= d 4))))',
    );
  });

  it('chains AND and OR from the left', () => {
    expect(parsed('a = 1 OR b = 2 OR c = 3')).toBe(
      '(or (or (= a 1) (= b 2)) (= c 3))',
    );
  });

  it('binds * and / tighter than + and -, from the left', () => {
    expect(parsed('x > a + b * 2 - c / 4 / 2')).toBe(
      '(> x (- (+ a (* b 2)) (/ (/ c 4) 2)))',
    );
  });

  it('accepts parenthesised arithmetic on either side', () => {
    expect(parsed('(x + 1) * 2 >= (limit - 1)')).toBe(
      '(>= (* (+ x 1) 2) (- limit 1))',
    );
  });

  it('reads unary minus as a negative number or a negation', () => {
    expect(parsed('x > -5 AND y < -limit')).toBe(
      '(and (> x -5) (< y (negate limit)))',
    );
  });
});

describe('parseCondition literals and operators', () => {
  it.each([
    ['x = 1', '(= x 1)'],
    ['x == 1', '(= x 1)'],
    ['x != 1', '(!= x 1)'],
    ['x <> 1', '(!= x 1)'],
    ['x<=1.25', '(<= x 1.25)'],
    ['x >= 70%', '(>= x 70)'],
    ["x = 'it\\'s'", '(= x "it\'s")'],
    ['x = "double"', '(= x "double")'],
    ['x = TRUE or y = False', '(or (= x true) (= y false))'],
    ["x in ['a', 2, true]", '(in x ["a",2,true])'],
    ['x not IN [-1.5, 70%]', '(not-in x [-1.5,70])'],
    ['labels.severity = "critical"', '(= labels.severity "critical")'],
    ['secrets_detected', '(= secrets_detected true)'],
    ['not secrets_detected', '(not (= secrets_detected true))'],
    [
      'notified = 1 AND order_count = 2',
      '(and (= notified 1) (= order_count 2))',
    ],
  ])('%s parses as %s', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it.each([
    ['30 minutes', 1800],
    ['2 hours', 7200],
    ['1 minute', 60],
    ['45 seconds', 45],
    ['1 day', 86400],
    ['30s', 30],
    ['15m', 900],
    ['2h', 7200],
    ['1d', 86400],
    ['1.5 Hours', 5400],
  ])('reads the duration %s as %d seconds', (literal, seconds) => {
    expect(parsed(`duration > ${literal}`)).toBe(`(> duration ${seconds})`);
  });
});

describe('parseCondition syntax errors', () => {
  it.each([
    ['quality_score < AND x', 16, 1, 17, 'but "A" found'],
    ["x = 'abc", 4, 1, 5, "Unterminated string: no closing '"],
    ['x = "abc', 4, 1, 5, 'Unterminated string: no closing "'],
    ["x IN ['a', 'b'", 14, 1, 15, 'Expected "," or "]" but end of input'],
    ["x IN 'a', 'b']", 5, 1, 6, 'Expected "["'],
    ['x IN []', 6, 1, 7, 'Expected'],
    ['(a > 1 OR b > 2', 15, 1, 16, '")"'],
    ['a > 1 b > 2', 6, 1, 7, '"AND"'],
    ['duration > 5 minutez', 13, 1, 14, 'duration unit'],
    ['a = 1 AND\n  b >', 15, 2, 6, 'end of input found'],
    ['', 0, 1, 1, 'Expected'],
  ])('%j fails at offset %d (line %d, column %d)', (text, ...expected) => {
    const [offset, line, column, reason] = expected;
    const error = syntaxError(text);

    expect(error.code).toBe('CONDITION_SYNTAX');
    expect([error.offset, error.line, error.column]).toEqual([
      offset,
      line,
      column,
    ]);
    expect(error.text).toBe(text);
    expect(error.message).toContain(reason);
    expect(error.message).toContain(`at line ${line}, column ${column}`);
  });

  it('lists what was expected and points a caret at the spot', () => {
    expect(syntaxError('quality_score < AND x').message).toBe(
      'Expected "(", "-", "false", "true", name, number, or string' +
        ' but "A" found at line 1, column 17:\n' +
        '  quality_score < AND x\n' +
        '                  ^',
    );
  });
});

describe('parseDurationSeconds', () => {
  it.each([
    ['5 minutes', 300],
    [' 4 hours ', 14400],
    ['90s', 90],
    ['1 week', 604800],
    ['0.5 MIN', 30],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it.each(['30', '', 'minutes', '5 parsecs', '5 minutes ago', '-5m'])(
    'rejects %j',
    (text) => {
      expect(parseDurationSeconds(text)).toBeUndefined();
    },
  );
});
