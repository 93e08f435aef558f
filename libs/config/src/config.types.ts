import type { LevelId } from '@qms/domain';
import type { CompiledCondition } from '@qms/rules';

export type RuleGroupId =
  | 'quality_rules'
  | 'security_rules'
  | 'performance_rules'
  | 'process_rules'
  | 'integration_rules';

export type Sensitivity = 'low' | 'medium' | 'high' | 'maximum';

export interface RuleConfig {
  /** The key of the rule block, e.g. `secrets_exposed`. */
  name: string;
  group: RuleGroupId;
  condition: CompiledCondition;
  level: LevelId;
  /** Overrides the level's acknowledgment_timeout, in seconds. */
  timeoutSec?: number;
  /** Stakeholder ids (roles), all present in `stakeholders`. */
  stakeholders: string[];
  /** Template name; defaults are resolved by the loader. */
  template: string;
}

export interface ChainConfig {
  primary: string[];
  secondary: string[];
  executive: string[];
}

export interface LevelConfig {
  id: LevelId;
  responseTimeSec: number;
  ackTimeoutSec: number;
  resolutionSlaSec: number;
  notificationChannels: string[];
  chain: ChainConfig;
  /** The executive step is paged only when this holds for the event. */
  executiveWhen?: CompiledCondition;
  /** The executive step waits until this long after raise. */
  executiveAfterSec?: number;
  /** Re-page interval after the last step; absent means page once. */
  repeatEverySec?: number;
}

export interface TemplateConfig {
  subject: string;
  summary: string;
  description: string;
}

export interface StakeholderConfig {
  id: string;
  name: string;
  role: string;
  /** Personal data: never logged in full. */
  email?: string;
  phone?: string;
  /** Per-channel address overrides, e.g. `webhook: ${TEAM_HOOK}`. */
  channels: Record<string, string>;
  backupContacts: string[];
}

export interface WebhookChannelConfig {
  /** May embed a token: comes from the environment, never logged. */
  url: string;
  timeoutMs: number;
  headers: Record<string, string>;
}

/** Channel settings; `log` needs none (it writes QMS_DATA_DIR/outbox.jsonl). */
export interface ChannelsConfig {
  webhook?: WebhookChannelConfig;
}

export interface RuleGroupConfig {
  enabled: boolean;
  sensitivity: Sensitivity;
  customThresholds: Record<string, number | string | boolean>;
}

export interface QmsConfig {
  /** Absolute path of the file this was loaded from. */
  file: string;
  rules: RuleConfig[];
  levels: Record<LevelId, LevelConfig>;
  /** Channel tiers per level, most urgent tier first. */
  channelPriorities: Record<LevelId, string[][]>;
  templates: Record<string, TemplateConfig>;
  stakeholders: Record<string, StakeholderConfig>;
  thresholds: Record<string, number | string | boolean>;
  ruleGroups: Partial<Record<RuleGroupId, RuleGroupConfig>>;
  channels: ChannelsConfig;
  escalation: {
    /** How long a resolve without an open escalation is kept. */
    resolveWindowSec: number;
    duplicateSuppressionSec?: number;
  };
}
