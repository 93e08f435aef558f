import type { CompareOperator, ConditionNode } from './condition.ast';
import type { Truth } from './condition.types';
import {
  operandValue,
  toNumber,
  type EvaluationContext,
  type Operand,
} from './operand.evaluator';

type OrderOperator = Exclude<CompareOperator, '=' | '!='>;

const ORDER: Record<OrderOperator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** Three-valued, as in SQL: `null` is unknown. */
export function evaluateCondition(
  node: ConditionNode,
  ctx: EvaluationContext,
): Truth {
  switch (node.kind) {
    case 'not':
      return not(evaluateCondition(node.operand, ctx));
    case 'and':
      return and(node.left, node.right, ctx);
    case 'or':
      return or(node.left, node.right, ctx);
    case 'compare':
      return compare(
        node.op,
        operandValue(node.left, ctx),
        operandValue(node.right, ctx),
      );
    case 'in': {
      const value = operandValue(node.left, ctx);
      const found = value === undefined ? null : isListed(value, node.items);
      return node.negated ? not(found) : found;
    }
  }
}

function not(truth: Truth): Truth {
  return truth === null ? null : !truth;
}

/** False wins over unknown; the right side is skipped once left is false. */
function and(
  left: ConditionNode,
  right: ConditionNode,
  ctx: EvaluationContext,
): Truth {
  const first = evaluateCondition(left, ctx);
  if (first === false) return false;
  const second = evaluateCondition(right, ctx);
  if (second === false) return false;
  return first === null || second === null ? null : true;
}

/** True wins over unknown; the right side is skipped once left is true. */
function or(
  left: ConditionNode,
  right: ConditionNode,
  ctx: EvaluationContext,
): Truth {
  const first = evaluateCondition(left, ctx);
  if (first === true) return true;
  const second = evaluateCondition(right, ctx);
  if (second === true) return true;
  return first === null || second === null ? null : false;
}

function isListed(value: Operand, items: readonly Operand[]): boolean {
  return items.some((item) => compare('=', value, item) === true);
}

/**
 * Equality is exact within a type; across number and string it compares
 * the string as a number (`"42"`, `"45 minutes"`), else it is false.
 * Ordering needs two numbers (or numeric strings); otherwise unknown.
 */
function compare(op: CompareOperator, left: Operand, right: Operand): Truth {
  if (left === undefined || right === undefined) return null;
  if (op === '=') return equals(left, right);
  if (op === '!=') return !equals(left, right);
  const a = toNumber(left);
  const b = toNumber(right);
  return a === undefined || b === undefined ? null : ORDER[op](a, b);
}

function equals(left: Operand, right: Operand): boolean {
  if (typeof left === typeof right) return left === right;
  const a = toNumber(left);
  return a !== undefined && a === toNumber(right);
}
