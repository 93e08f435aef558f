import type { ConditionValue } from './condition.types';

export type CompareOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | '/';

/**
 * An identifier. A `field` (the direct left operand of a comparison) is
 * read from the event only; a `reference` is read from the event, then
 * from the threshold scope, and must exist in the scope at compile time.
 */
export interface NameNode {
  kind: 'name';
  name: string;
  path: readonly string[];
  role: 'field' | 'reference';
  offset: number;
  line: number;
  column: number;
}

export interface LiteralNode {
  kind: 'literal';
  value: ConditionValue;
}

export interface ArithmeticNode {
  kind: 'arithmetic';
  op: ArithmeticOperator;
  left: ValueNode;
  right: ValueNode;
}

export interface NegateNode {
  kind: 'negate';
  operand: ValueNode;
}

export type ValueNode = NameNode | LiteralNode | ArithmeticNode | NegateNode;

export interface CompareNode {
  kind: 'compare';
  op: CompareOperator;
  left: ValueNode;
  right: ValueNode;
}

export interface InNode {
  kind: 'in';
  negated: boolean;
  left: ValueNode;
  items: readonly ConditionValue[];
}

export interface LogicalNode {
  kind: 'and' | 'or';
  left: ConditionNode;
  right: ConditionNode;
}

export interface NotNode {
  kind: 'not';
  operand: ConditionNode;
}

export type ConditionNode = CompareNode | InNode | LogicalNode | NotNode;
