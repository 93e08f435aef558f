import type { ArithmeticOperator, NameNode, ValueNode } from './condition.ast';
import { parseQuantity } from './condition.parser';
import type { ConditionValue, ThresholdScope } from './condition.types';

export interface EvaluationContext {
  fields: Readonly<Record<string, unknown>>;
  scope: ThresholdScope;
}

/** An operand's value; undefined is unknown (a missing field, x / 0). */
export type Operand = ConditionValue | undefined;

const ARITHMETIC: Record<ArithmeticOperator, (a: number, b: number) => number> =
  {
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '*': (a, b) => a * b,
    '/': (a, b) => a / b,
  };

/**
 * A number for arithmetic and ordering: numbers as they are, strings when
 * written like a condition number (`"42"`, `"45 minutes"`, `"70%"`).
 */
export function toNumber(value: Operand): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? parseQuantity(value) : undefined;
}

/** Unknown operands enter arithmetic as NaN and leave it as undefined. */
export function operandValue(node: ValueNode, ctx: EvaluationContext): Operand {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'name':
      return nameValue(node, ctx);
    case 'negate':
      return finite(-(toNumber(operandValue(node.operand, ctx)) ?? NaN));
    case 'arithmetic': {
      const left = toNumber(operandValue(node.left, ctx)) ?? NaN;
      const right = toNumber(operandValue(node.right, ctx)) ?? NaN;
      return finite(ARITHMETIC[node.op](left, right));
    }
  }
}

function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

function nameValue(node: NameNode, ctx: EvaluationContext): Operand {
  const value = fieldValue(ctx.fields, node.path);
  if (value !== undefined || node.role === 'field') return value;
  return ctx.scope.lookup(node.name);
}

/** Follows a dotted path through nested objects (and arrays by index). */
function fieldValue(fields: unknown, path: readonly string[]): Operand {
  let current = fields;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return isConditionValue(current) ? current : undefined;
}

function isConditionValue(value: unknown): value is ConditionValue {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
