import type { ConditionNode } from './condition.ast';
import { ConditionError } from './condition.error';
import { evaluateCondition } from './condition.evaluator';
import { namesIn } from './condition-names';
import { parseCondition } from './condition.parser';
import type { CompiledCondition, ThresholdScope } from './condition.types';
import { thresholdScope } from './threshold-scope';

/**
 * Parses `text` once and checks its names against `scope`. Throws
 * ConditionError: CONDITION_SYNTAX, or CONDITION_UNKNOWN_NAME for a name
 * outside a comparison's left side that the scope lacks (a typo there would
 * otherwise leave the condition unknown forever).
 */
export function compileCondition(
  text: string,
  scope: ThresholdScope = thresholdScope(),
): CompiledCondition {
  const tree = parseCondition(text);
  assertReferencesResolve(tree, text, scope);
  return Object.freeze({
    text,
    evaluate: (fields: Readonly<Record<string, unknown>>) =>
      evaluateCondition(tree, { fields, scope }),
  });
}

function assertReferencesResolve(
  tree: ConditionNode,
  text: string,
  scope: ThresholdScope,
): void {
  const unknown = namesIn(tree).find(
    (name) =>
      name.role === 'reference' && scope.lookup(name.name) === undefined,
  );
  if (!unknown) return;
  const { offset, line, column } = unknown;
  throw new ConditionError({
    code: 'CONDITION_UNKNOWN_NAME',
    reason: `Unknown name "${unknown.name}": it is not a threshold in scope`,
    text,
    offset,
    line,
    column,
  });
}
