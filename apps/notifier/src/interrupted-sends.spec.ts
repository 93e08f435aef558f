import type { LedgerEntry } from './delivery-ledger';
import { isInterrupted, type ResumeRule } from './interrupted-sends';

const NOW = Date.parse('2026-01-01T00:01:00.000Z');
const EXPIRED = '2026-01-01T00:00:30.000Z';
const HELD = '2026-01-01T00:01:20.000Z';

function entry(owner: string, leaseUntil: string): LedgerEntry {
  return {
    key: 'e1:0:0:ciso:log',
    escalationId: 'e1',
    status: 'sending',
    delivery: {} as LedgerEntry['delivery'],
    owner,
    leaseUntil,
    updatedAt: EXPIRED,
    nonce: 'n',
  };
}

function rule(overrides: Partial<ResumeRule> = {}): ResumeRule {
  return {
    self: 'a',
    includeOwn: false,
    alive: new Set(),
    now: NOW,
    ...overrides,
  };
}

describe('isInterrupted', () => {
  it('resumes its own sends at start-up, lease or not', () => {
    expect(isInterrupted(entry('a', HELD), rule({ includeOwn: true }))).toBe(
      true,
    );
  });

  it('resumes its own sends once their lease ran out', () => {
    expect(
      isInterrupted(entry('a', EXPIRED), rule({ alive: new Set(['a']) })),
    ).toBe(true);
    expect(isInterrupted(entry('a', HELD), rule())).toBe(false);
  });

  it('takes over a peer’s send only when the lease ran out and the peer stopped running', () => {
    expect(isInterrupted(entry('b', EXPIRED), rule())).toBe(true);
    expect(isInterrupted(entry('b', HELD), rule())).toBe(false);
  });

  it('leaves a slow but running peer’s expired send to that peer', () => {
    const alive = new Set(['b']);

    expect(isInterrupted(entry('b', EXPIRED), rule({ alive }))).toBe(false);
    expect(
      isInterrupted(entry('b', EXPIRED), rule({ alive, includeOwn: true })),
    ).toBe(false);
  });

  it('ignores settled entries', () => {
    const sent = { ...entry('b', EXPIRED), status: 'sent' as const };

    expect(isInterrupted(sent, rule({ includeOwn: true }))).toBe(false);
  });
});
