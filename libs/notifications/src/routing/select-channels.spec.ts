import type { StakeholderConfig } from '@qms/config';
import { selectChannels } from './select-channels';

const L0_TIERS = [
  ['phone', 'sms', 'pagerduty'],
  ['slack', 'teams', 'webhook'],
  ['email', 'log'],
];

function person(overrides: Partial<StakeholderConfig> = {}): StakeholderConfig {
  return {
    id: 'qa_lead',
    name: 'Jane Doe',
    role: 'qa_lead',
    channels: {},
    backupContacts: [],
    ...overrides,
  };
}

function select(
  stakeholder: StakeholderConfig,
  available: string[],
  globallyAddressed: string[] = [],
): string[] {
  return selectChannels({
    level: 'L0_CRITICAL',
    stakeholder,
    priorities: L0_TIERS,
    available: new Set(available),
    globallyAddressed: new Set(globallyAddressed),
  });
}

describe('selectChannels', () => {
  it('takes every reachable channel of the first tier that has one', () => {
    const jane = person({ phone: '+1-555-555-0123' });

    expect(select(jane, ['sms', 'phone', 'slack', 'log'])).toEqual([
      'phone',
      'sms',
    ]);
  });

  it('skips a tier whose channels are not available here', () => {
    const jane = person({
      channels: { webhook: 'https://hooks.example.com/x' },
    });

    expect(select(jane, ['webhook', 'log'])).toEqual(['webhook']);
  });

  it('skips webhook for a stakeholder with no address when none is global', () => {
    expect(select(person(), ['webhook', 'log'])).toEqual(['log']);
  });

  it('uses webhook for anyone when a global webhook URL is configured', () => {
    expect(select(person(), ['webhook', 'log'], ['webhook'])).toEqual([
      'webhook',
    ]);
  });

  it('needs an e-mail address for email and a phone for sms', () => {
    const mailOnly = person({ email: 'jane@example.com' });

    expect(select(mailOnly, ['sms', 'email'])).toEqual(['email']);
  });

  it('falls back to log when no tier has a reachable channel', () => {
    const result = selectChannels({
      level: 'L3_STANDARD',
      stakeholder: person(),
      priorities: [['email'], ['slack']],
      available: new Set(['email', 'slack', 'webhook']),
    });

    expect(result).toEqual(['log']);
  });

  it('names a channel once even when a tier lists it twice', () => {
    const result = selectChannels({
      level: 'L2_URGENT',
      stakeholder: person(),
      priorities: [['log', 'log']],
      available: new Set(['log']),
    });

    expect(result).toEqual(['log']);
  });
});
