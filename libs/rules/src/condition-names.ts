import type { ConditionNode, NameNode, ValueNode } from './condition.ast';
import { parseCondition } from './condition.parser';

/** Every name in the tree, in the order written. */
export function namesIn(node: ConditionNode | ValueNode): NameNode[] {
  switch (node.kind) {
    case 'name':
      return [node];
    case 'literal':
      return [];
    case 'not':
    case 'negate':
      return namesIn(node.operand);
    case 'in':
      return namesIn(node.left);
    case 'and':
    case 'or':
    case 'compare':
    case 'arithmetic':
      return [...namesIn(node.left), ...namesIn(node.right)];
  }
}

/**
 * The names a condition uses, each once: `fields` are direct left operands
 * of comparisons (event fields); `references` are all other names (looked
 * up in the event, then the thresholds). Throws ConditionError on syntax.
 */
export function conditionNames(text: string): {
  fields: string[];
  references: string[];
} {
  const names = namesIn(parseCondition(text));
  const named = (role: NameNode['role']) => [
    ...new Set(names.filter((n) => n.role === role).map((n) => n.name)),
  ];
  return { fields: named('field'), references: named('reference') };
}
