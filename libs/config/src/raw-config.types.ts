/**
 * The config file as written (snake_case), after it passed the JSON
 * Schema: readers may rely on these shapes, not on any value being valid.
 */
export type RawDuration = string | number;
export type RawThresholds = Record<string, number | string | boolean>;
export type RawTiers =
  string[] | { primary: string[]; secondary?: string[]; tertiary?: string[] };

export interface RawRule {
  condition: string;
  escalation_level: string;
  timeout?: RawDuration;
  stakeholders?: string[];
  template?: string;
  enabled?: boolean;
}

export type RawRuleBlock = Record<string, RawRule>;

export interface RawLevel {
  response_time: RawDuration;
  acknowledgment_timeout: RawDuration;
  resolution_sla: RawDuration;
  notification_channels: string[];
  escalation_chain: {
    primary: string[];
    secondary?: string[];
    executive?: string[];
  };
  auto_escalation?: RawDuration;
  executive_when?: string;
  executive_after?: RawDuration;
}

export interface RawTemplate {
  subject: string;
  summary?: string;
  description?: string;
}

export interface RawStakeholder {
  name: string;
  role?: string;
  primary_contact?: string;
  secondary_contact?: string;
  email?: string;
  phone?: string;
  channels?: Record<string, string>;
  backup_contacts?: string[];
}

export interface RawRuleGroup {
  enabled?: boolean;
  sensitivity?: 'low' | 'medium' | 'high' | 'maximum';
  custom_thresholds?: RawThresholds;
}

export interface RawEscalationConfiguration {
  rule_groups?: Record<string, RawRuleGroup>;
  notification_preferences?: {
    channel_priorities?: Record<string, string[]>;
    suppression_windows?: {
      duplicate_suppression?: RawDuration;
      similar_event_suppression?: RawDuration;
    };
  };
  resolve_window?: RawDuration;
}

export interface RawWebhookChannel {
  url: string;
  timeout?: RawDuration;
  headers?: Record<string, string>;
}

export interface RawConfig {
  thresholds?: RawThresholds;
  quality_escalations?: RawRuleBlock;
  security_escalations?: RawRuleBlock;
  performance_escalations?: RawRuleBlock;
  process_escalations?: RawRuleBlock;
  integrations?: { rules?: RawRuleBlock };
  levels: Record<string, RawLevel>;
  channel_priorities?: Record<string, RawTiers>;
  notification_templates?: Record<string, RawTemplate>;
  stakeholders?: Record<string, RawStakeholder>;
  escalation_configuration?: RawEscalationConfiguration;
  channels?: { webhook?: RawWebhookChannel };
}
