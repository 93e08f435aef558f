import { generate, type Parser, type parser as peg } from 'peggy';

import type { ConditionNode } from './condition.ast';
import { ConditionError } from './condition.error';
import { CONDITION_GRAMMAR } from './condition.grammar';
import { unitSeconds } from './duration-units';

type StartRule = 'Condition' | 'QuantityText' | 'DurationText';

const START_RULES: StartRule[] = ['Condition', 'QuantityText', 'DurationText'];

let generated: Parser | undefined;

/** Generated on first use: peggy compilation costs a few milliseconds. */
function conditionParser(): Parser {
  generated ??= generate(CONDITION_GRAMMAR, { allowedStartRules: START_RULES });
  return generated;
}

function parse(text: string, startRule: StartRule): unknown {
  return conditionParser().parse(text, { startRule, unitSeconds });
}

function isSyntaxError(error: unknown): error is peg.SyntaxError {
  return error instanceof conditionParser().SyntaxError;
}

/** The syntax tree of a condition; throws ConditionError (CONDITION_SYNTAX). */
export function parseCondition(text: string): ConditionNode {
  try {
    return parse(text, 'Condition') as ConditionNode;
  } catch (error) {
    if (!isSyntaxError(error)) throw error;
    const { offset, line, column } = error.location.start;
    const reason = error.message.replace(/\.$/, '');
    const code = 'CONDITION_SYNTAX';
    throw new ConditionError({ code, reason, text, offset, line, column });
  }
}

function parseOrUndefined(text: string, rule: StartRule): number | undefined {
  try {
    return parse(text, rule) as number;
  } catch (error) {
    if (isSyntaxError(error)) return undefined;
    throw error;
  }
}

/**
 * A string written as a condition number would be: `42`, `-1.5`, `70%`
 * (70), `45 minutes` or `2h` (seconds). Undefined for anything else.
 */
export function parseQuantity(text: string): number | undefined {
  return parseOrUndefined(text, 'QuantityText');
}

/**
 * Seconds in a duration literal (`30 minutes`, `1 day`, `15m`, `1.5h`).
 * A bare number has no unit and gives undefined.
 */
export function parseDurationSeconds(text: string): number | undefined {
  return parseOrUndefined(text, 'DurationText');
}
