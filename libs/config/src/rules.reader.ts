import { thresholdScope, type ThresholdScope } from '@qms/rules';
import type { ConfigContext } from './config-context';
import type { RuleConfig, RuleGroupConfig, RuleGroupId } from './config.types';
import type { RawConfig, RawRule } from './raw-config.types';
import { RULE_BLOCKS, rawRuleBlock, type RuleBlock } from './rule-blocks';
import { checkTemplate, checkUniqueNames } from './rule-checks';
import {
  readCondition,
  readLevelId,
  readOptionalDuration,
} from './value.readers';
import type { KeyPath } from './yaml-source';

export interface RuleReadingScope {
  ruleGroups: Partial<Record<RuleGroupId, RuleGroupConfig>>;
  thresholds: RuleGroupConfig['customThresholds'];
  templateNames: ReadonlySet<string>;
}

/**
 * Every enabled rule of every block. Rules of a disabled group or with
 * `enabled: false` are still checked, so a file that loads today still
 * loads when they are switched on.
 */
export function readRules(
  context: ConfigContext,
  raw: RawConfig,
  scope: RuleReadingScope,
): RuleConfig[] {
  checkUniqueNames(context, raw);
  return RULE_BLOCKS.flatMap((block) => {
    const group = scope.ruleGroups[block.group];
    const names = thresholdScope(
      group?.customThresholds ?? {},
      scope.thresholds,
    );
    const rules = Object.entries(rawRuleBlock(raw, block)).flatMap(
      ([name, rule]) => {
        const path = [...block.path, name];
        checkTemplate(context, path, rule, block, scope.templateNames);
        const read = readRule(context, path, { name, rule, block, names });
        return read && rule.enabled !== false ? [read] : [];
      },
    );
    return group?.enabled === false ? [] : rules;
  });
}

interface RuleSource {
  name: string;
  rule: RawRule;
  block: RuleBlock;
  names: ThresholdScope;
}

function readRule(
  context: ConfigContext,
  path: KeyPath,
  { name, rule, block, names }: RuleSource,
): RuleConfig | undefined {
  const condition = readCondition(
    context,
    [...path, 'condition'],
    rule.condition,
    names,
  );
  const level = readLevelId(
    context,
    [...path, 'escalation_level'],
    rule.escalation_level,
  );
  const timeout = [...path, 'timeout'];
  const timeoutSec = readOptionalDuration(context, timeout, rule.timeout);
  if (!condition || !level) return undefined;
  return {
    name,
    group: block.group,
    condition,
    level,
    ...(timeoutSec === undefined ? {} : { timeoutSec }),
    stakeholders: [...new Set(rule.stakeholders ?? [])],
    template: rule.template ?? block.defaultTemplate,
  };
}
