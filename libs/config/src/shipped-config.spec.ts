import { mostSevere, type LevelId } from '@qms/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from './config.loader';
import type { QmsConfig, RuleConfig } from './config.types';
import { configSchemaValidator, schemaFilePath } from './schema.validator';

const SHIPPED = join(schemaFilePath(), '..', 'qms.yaml');
const config: QmsConfig = loadConfig(SHIPPED, {});

function rule(name: string): RuleConfig {
  const found = config.rules.find((r) => r.name === name);
  if (!found) throw new Error(`no rule ${name}`);
  return found;
}

/** The level an event would raise: the highest of the matching rules. */
function levelFor(fields: Record<string, unknown>): LevelId | undefined {
  const matching = config.rules.filter((r) => r.condition.evaluate(fields));
  return mostSevere(matching.map((r) => r.level));
}

describe('the shipped config', () => {
  it('validates against the shipped JSON schema', () => {
    const validate = configSchemaValidator();
    expect(validate(parse(readFileSync(SHIPPED, 'utf8')))).toBe(true);
  });

  it('has every rule of the design, in its group, with its level', () => {
    const byGroup = (group: string) =>
      config.rules.filter((r) => r.group === group).map((r) => r.name);
    expect(byGroup('quality_rules')).toEqual([
      'critical_defects',
      'quality_score_drop',
      'compliance_violation',
      'test_failure_cascade',
    ]);
    expect(byGroup('security_rules')).toHaveLength(3);
    expect(byGroup('performance_rules')).toHaveLength(4);
    expect(byGroup('process_rules')).toHaveLength(4);
    expect(rule('secrets_exposed')).toMatchObject({
      level: 'L0_CRITICAL',
      timeoutSec: 60,
      template: 'system_failure',
    });
    expect(rule('critical_defects').template).toBe('quality_failure');
    expect(rule('alert_critical').template).toBe('alert');
  });

  it('compiles every condition, thresholds resolved', () => {
    expect(
      rule('review_cycle_exceeded').condition.evaluate({
        review_cycle_time: 86400 * 2,
      }),
    ).toBe(true);
    expect(
      rule('approval_timeout').condition.evaluate({ pending_approvals: 5 }),
    ).toBe(false);
    expect(
      rule('approval_timeout').condition.evaluate({ pending_approvals: 6 }),
    ).toBe(true);
  });

  it('reads system_overload as (cpu OR memory) AND duration', () => {
    const overload = rule('system_overload').condition;
    expect(
      overload.evaluate({ cpu_usage: 95, memory_usage: 10, duration: 60 }),
    ).toBe(false);
    expect(
      overload.evaluate({
        cpu_usage: 95,
        memory_usage: 10,
        duration: '20 minutes',
      }),
    ).toBe(true);
  });

  it('has the four levels of 3.1 with their timings and keys', () => {
    const { L0_CRITICAL, L1_IMMEDIATE, L2_URGENT, L3_STANDARD } = config.levels;
    expect(L0_CRITICAL).toMatchObject({
      responseTimeSec: 60,
      ackTimeoutSec: 180,
      resolutionSlaSec: 1800,
      repeatEverySec: 300,
      notificationChannels: ['sms', 'phone', 'slack', 'email', 'pagerduty'],
    });
    expect(L0_CRITICAL.chain.executive).toEqual(['ceo', 'board_chair']);
    expect(L0_CRITICAL.executiveWhen?.evaluate({ major_breach: true })).toBe(
      true,
    );
    expect(L0_CRITICAL.executiveWhen?.evaluate({})).toBe(null);
    expect(L1_IMMEDIATE.repeatEverySec).toBe(900);
    expect(L2_URGENT.executiveAfterSec).toBe(4 * 3600);
    expect(L3_STANDARD).toMatchObject({
      repeatEverySec: 86400,
      chain: { executive: [] },
    });
  });

  it('has tiered channel priorities, 9.1 replacing the L0 and L1 primary tier', () => {
    expect(config.channelPriorities).toEqual({
      L0_CRITICAL: [['phone', 'sms', 'slack'], ['teams'], ['email']],
      L1_IMMEDIATE: [['sms', 'slack', 'email'], ['teams']],
      L2_URGENT: [
        ['slack', 'teams'],
        ['email', 'sms'],
      ],
      L3_STANDARD: [['email'], ['slack']],
    });
  });

  it('has a stakeholder for every role it names, none with channels', () => {
    const named = [
      ...config.rules.flatMap((r) => r.stakeholders),
      ...Object.values(config.levels).flatMap((l) =>
        Object.values(l.chain).flat(),
      ),
      ...Object.values(config.stakeholders).flatMap((s) => s.backupContacts),
    ];
    expect(named.filter((role) => !config.stakeholders[role])).toEqual([]);
    for (const person of Object.values(config.stakeholders)) {
      expect(person.email).toMatch(/@example\.com$/);
      expect(person.channels).toEqual({});
    }
    expect(config.stakeholders.qa_lead).toMatchObject({
      name: 'Jane Smith',
      phone: '+1-555-0123',
    });
  });

  it('has the design templates and the alert template', () => {
    expect(Object.keys(config.templates).sort()).toEqual([
      'alert',
      'quality_failure',
      'system_failure',
    ]);
  });

  it('takes rule groups and windows from escalation_configuration', () => {
    expect(config.ruleGroups.security_rules).toEqual({
      enabled: true,
      sensitivity: 'maximum',
      customThresholds: {},
    });
    expect(
      config.ruleGroups.performance_rules?.customThresholds
        .queue_depth_critical,
    ).toBe(20);
    expect(config.escalation).toEqual({
      resolveWindowSec: 300,
      duplicateSuppressionSec: 900,
    });
    expect(config.thresholds.sla_threshold).toBe(86400);
  });

  it.each([
    ['critical', 'L1_IMMEDIATE'],
    ['error', 'L2_URGENT'],
    ['major', 'L2_URGENT'],
    ['high', 'L2_URGENT'],
    ['warning', 'L3_STANDARD'],
    ['minor', 'L3_STANDARD'],
    ['medium', 'L3_STANDARD'],
    ['info', 'L3_STANDARD'],
    ['none', 'L3_STANDARD'],
  ])(
    'maps integration severity %s to %s for every source',
    (severity, level) => {
      for (const source of ['alertmanager', 'grafana', 'pagerduty']) {
        expect(levelFor({ source, severity })).toBe(level);
      }
    },
  );

  it('escalates every PagerDuty trigger, whatever its severity', () => {
    expect(levelFor({ source: 'pagerduty', severity: 'page-me' })).toBe(
      'L3_STANDARD',
    );
    expect(
      levelFor({ source: 'alertmanager', severity: 'page-me' }),
    ).toBeUndefined();
  });
});
