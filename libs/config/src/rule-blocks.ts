import type { RuleGroupId } from './config.types';
import type { RawConfig, RawRuleBlock } from './raw-config.types';

export interface RuleBlock {
  /** Where the block sits in the file. */
  path: readonly string[];
  group: RuleGroupId;
  /** Template of a rule that names none (decisions.md, Delivery). */
  defaultTemplate: string;
}

export const RULE_BLOCKS: readonly RuleBlock[] = [
  {
    path: ['quality_escalations'],
    group: 'quality_rules',
    defaultTemplate: 'quality_failure',
  },
  {
    path: ['security_escalations'],
    group: 'security_rules',
    defaultTemplate: 'system_failure',
  },
  {
    path: ['performance_escalations'],
    group: 'performance_rules',
    defaultTemplate: 'system_failure',
  },
  {
    path: ['process_escalations'],
    group: 'process_rules',
    defaultTemplate: 'system_failure',
  },
  {
    path: ['integrations', 'rules'],
    group: 'integration_rules',
    defaultTemplate: 'alert',
  },
];

export function rawRuleBlock(raw: RawConfig, block: RuleBlock): RawRuleBlock {
  return block.group === 'integration_rules'
    ? (raw.integrations?.rules ?? {})
    : ((raw[block.path[0] as keyof RawConfig] as RawRuleBlock | undefined) ??
        {});
}
