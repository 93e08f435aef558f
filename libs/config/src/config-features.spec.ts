import { parseConfig } from './config.loader';
import { MINIMAL_CONFIG } from './fixtures/minimal-config.fixture';

const FILE = 'qms.yaml';

function load(text: string, env: Record<string, string> = {}) {
  return parseConfig(text, FILE, env);
}

function withEscalationConfiguration(block: string): string {
  return `${MINIMAL_CONFIG}escalation_configuration:\n${block}`;
}

describe('config features', () => {
  it('a disabled rule group drops its rules', () => {
    const text = withEscalationConfiguration(
      '  rule_groups:\n    quality_rules: { enabled: false }\n',
    );
    expect(load(text).rules).toEqual([]);
    expect(load(text).ruleGroups.quality_rules?.enabled).toBe(false);
  });

  it('a disabled rule group is still checked', () => {
    const text = withEscalationConfiguration(
      '  rule_groups:\n    quality_rules: { enabled: false }\n',
    ).replace('quality_score < 70%', 'quality_score <');
    expect(() => load(text)).toThrow(/score_drop\.condition/);
  });

  it('a rule with enabled: false is dropped, others stay', () => {
    const text = MINIMAL_CONFIG.replace(
      '    stakeholders: [ops]',
      '    stakeholders: [ops]\n  off_rule:\n    condition: "a = 1"\n' +
        '    escalation_level: L3\n    enabled: false',
    );
    expect(load(text).rules.map((r) => r.name)).toEqual(['score_drop']);
  });

  it('a flat channel_priorities list is the primary tier', () => {
    const text = `${MINIMAL_CONFIG}channel_priorities:\n  l1_immediate: [slack, phone_call]\n`;
    const { channelPriorities } = load(text);
    expect(channelPriorities.L1_IMMEDIATE).toEqual([['slack', 'phone']]);
    // A level left out gets its notification_channels as one tier.
    expect(channelPriorities.L2_URGENT).toEqual([['email']]);
  });

  it('notification_preferences replaces the primary tier only', () => {
    const text =
      `${MINIMAL_CONFIG}channel_priorities:\n` +
      '  l0_critical: { primary: [sms], secondary: [slack, email] }\n' +
      'escalation_configuration:\n  notification_preferences:\n' +
      '    channel_priorities: { l0_critical: [phone, slack] }\n';
    expect(load(text).channelPriorities.L0_CRITICAL).toEqual([
      ['phone', 'slack'],
      ['email'],
    ]);
  });

  it('phone_call and phone are one channel everywhere', () => {
    const text = MINIMAL_CONFIG.replace(
      '[phone_call, sms]',
      '[phone_call, phone, sms]',
    ).replace(
      '    primary_contact: ops@example.com',
      '    primary_contact: ops@example.com\n    channels: { phone_call: "+1-555-0100" }',
    );
    const config = load(text);
    expect(config.levels.L0_CRITICAL.notificationChannels).toEqual([
      'phone',
      'sms',
    ]);
    expect(config.stakeholders.ops.channels).toEqual({ phone: '+1-555-0100' });
  });

  it('fills ${NAME} in channel settings from the environment', () => {
    const text =
      MINIMAL_CONFIG.replace(
        '    primary_contact: ops@example.com',
        '    primary_contact: ops@example.com\n    channels: { webhook: "${OPS_HOOK}" }',
      ) +
      'channels:\n  webhook:\n    url: "https://hooks.example.com/${HOOK_PATH}"\n' +
      '    timeout: 5s\n    headers: { Authorization: "Bearer ${HOOK_TOKEN}" }\n';
    const config = load(text, {
      OPS_HOOK: 'https://ops.example.com/h',
      HOOK_PATH: 'abc',
      HOOK_TOKEN: 't0k',
    });
    expect(config.stakeholders.ops.channels.webhook).toBe(
      'https://ops.example.com/h',
    );
    expect(config.channels.webhook).toEqual({
      url: 'https://hooks.example.com/abc',
      timeoutMs: 5000,
      headers: { Authorization: 'Bearer t0k' },
    });
  });

  it('a group custom threshold wins over a top-level one', () => {
    const text =
      MINIMAL_CONFIG.replace('quality_score < 70%', 'quality_score < floor') +
      'thresholds: { floor: 50 }\n' +
      'escalation_configuration:\n  rule_groups:\n' +
      '    quality_rules: { custom_thresholds: { floor: 80 } }\n';
    const [rule] = load(text).rules;
    expect(rule.condition.evaluate({ quality_score: 70 })).toBe(true);
  });

  it.each(['L2', 'L2_URGENT', 'l2_urgent'])(
    'accepts the level written %s',
    (written) => {
      const text = MINIMAL_CONFIG.replace(
        'escalation_level: L2_URGENT',
        `escalation_level: ${written}`,
      );
      expect(load(text).rules[0].level).toBe('L2_URGENT');
    },
  );

  it('splits contacts into e-mail and phone and defaults the role to the id', () => {
    const text = MINIMAL_CONFIG.replace(
      '    primary_contact: ops@example.com',
      '    primary_contact: "+44 20 7946 0000"\n    secondary_contact: ops@example.com',
    );
    expect(load(text).stakeholders.ops).toEqual({
      id: 'ops',
      name: 'Ops',
      role: 'ops',
      email: 'ops@example.com',
      phone: '+44 20 7946 0000',
      channels: {},
      backupContacts: [],
    });
  });

  it('refuses a contact that is neither e-mail nor phone, without quoting it', () => {
    const text = MINIMAL_CONFIG.replace('ops@example.com', 'call-ops-desk');
    expect(() => load(text)).toThrow(
      /primary_contact: expected an e-mail address/,
    );
    expect(() => load(text)).not.toThrow(/call-ops-desk/);
  });

  it('keeps resolve windows: 5 minutes unless set', () => {
    expect(load(MINIMAL_CONFIG).escalation).toEqual({ resolveWindowSec: 300 });
    const text = withEscalationConfiguration('  resolve_window: 2 minutes\n');
    expect(load(text).escalation.resolveWindowSec).toBe(120);
  });

  it('holds the security group at maximum sensitivity', () => {
    const text = withEscalationConfiguration(
      '  rule_groups:\n    security_rules: { sensitivity: low }\n',
    );
    expect(() => load(text)).toThrow(/sensitivity: expected "maximum"/);
  });
});

describe('duration bounds', () => {
  it('refuses a duration beyond a year, naming the key', () => {
    const text = MINIMAL_CONFIG.replace(
      /acknowledgment_timeout: .*/,
      'acknowledgment_timeout: "99999999999 days"',
    );
    expect(() => parseConfig(text, 'big.yaml', {})).toThrow(
      /big\.yaml:\d+:\d+ levels\.l0_critical\.acknowledgment_timeout: expected a duration of at most 366 days/,
    );
  });
});

describe('webhook channel settings', () => {
  const withHook = `${MINIMAL_CONFIG}channels:\n  webhook:\n    url: "\${HOOK}"\n`;

  it('refuses a webhook URL that is not http(s), without echoing it', () => {
    const attempt = () =>
      parseConfig(withHook, 'hook.yaml', { HOOK: 'not a url T0K3N' });
    expect(attempt).toThrow(
      /channels\.webhook\.url: expected an http:\/\/ or https:\/\/ URL/,
    );
    expect(attempt).not.toThrow(/T0K3N/);
  });

  it('takes a webhook URL from the environment', () => {
    const config = parseConfig(withHook, 'hook.yaml', {
      HOOK: 'https://hooks.example.com/x',
    });
    expect(config.channels.webhook?.url).toBe('https://hooks.example.com/x');
  });
});
